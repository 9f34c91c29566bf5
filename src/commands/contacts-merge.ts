import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { CONTACT_TEXT_FIELDS, ContactSchema, noContactText, type Contact } from '../db/entities';
import { contactMissing, toContactWire } from '../db/contacts.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { shiftTagCounts } from '../db/tags.queries';
import { ApiError, type FieldError } from '../errors';
import { guardSubject } from '../privacy/fence';
import { MAX_TAGS_PER_CONTACT } from './tags';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';

export type MergeInput = RequestBody<'mergeContacts'>;

// fields the survivor keeps when it has them and takes from the merged contacts (in `from` order) when it has none
const FILLED = [['phone', 'phone'], ['email', 'email'], ['external_id', 'externalId'], ...CONTACT_TEXT_FIELDS.map((f) => [f.wire, f.prop] as const)] as const;

// the tables whose rows belong to a contact and move to the survivor; updated_at moves so `updated_since` syncs see them
const MOVED_TABLES = ['conversations', 'messages', 'orders', 'flow_runs'] as const;

const IN_LIST = `(select jsonb_array_elements_text(?::jsonb))`;

function mergedAttributes(survivor: Contact, merged: Contact[], mode: 'survivor' | 'newest'): Contact['attributes'] {
  // later in the order wins: the survivor last, or the contacts from the least to the most recently updated
  const order =
    mode === 'survivor'
      ? [...merged].reverse().concat(survivor)
      : [survivor, ...merged].sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a === survivor ? 1 : b === survivor ? -1 : 0));
  return Object.assign({}, ...order.map((c) => c.attributes)) as Contact['attributes'];
}

const consentTime = (c: Contact): number => Math.max(c.optedInAt?.getTime() ?? -Infinity, c.optedOutAt?.getTime() ?? -Infinity);
const latest = (dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * Merges the contacts of `from` into the path's contact (the survivor), in one transaction: their conversations,
 * messages, orders and flow runs move to it, their tags and attributes join it (the survivor's values win unless
 * `attributes: newest`), its empty fields are filled from them, and each becomes a tombstone naming the survivor
 * (`merged_into`) that keeps only its phone and email, so a purge naming them still finds the person. One
 * `contact.merged` event, on the survivor.
 */
export async function mergeContacts(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'mergeContacts'>): Promise<CommandResponse> {
  const survivorId = params.contact_id;
  const from = body.from;
  const self: FieldError[] = from.flatMap((id, i) =>
    id === survivorId ? [{ pointer: `/from/${i}`, code: 'contact_merge_into_self', message: 'This is the contact being merged into' }] : [],
  );
  if (self.length) throw new ApiError('contact_merge_into_self', `Contact ${survivorId} cannot be merged into itself`, { errors: self });

  const ids = [survivorId, ...from];
  await guardSubject(em, ctx.workspaceId, { contactIds: ids });
  // every row locked in id order, so two merges over overlapping contacts never wait on each other in a cycle
  const rows = await em.find(
    ContactSchema,
    { id: { $in: ids }, workspace: ctx.workspaceId, deletedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  const byId = new Map(rows.map((c) => [c.id, c]));
  const survivor = byId.get(survivorId);
  if (!survivor) throw await contactMissing(em, ctx.workspaceId, survivorId);
  const missing: FieldError[] = [];
  for (const [i, id] of from.entries()) {
    if (byId.has(id)) continue;
    const gone = await contactMissing(em, ctx.workspaceId, id);
    const message = gone.extras.merged_into ? `Already merged into ${gone.extras.merged_into}` : 'No live contact with this id';
    missing.push({ pointer: `/from/${i}`, code: 'contact_not_found', message });
  }
  if (missing.length) throw new ApiError('contact_not_found', `${missing.length} of the contacts to merge ${missing.length === 1 ? 'is' : 'are'} not live contacts of this workspace`, { errors: missing });
  const merged = from.map((id) => byId.get(id)!);
  // the identifiers too: a person being purged under a phone or email is refused whichever contact carries it
  await guardSubject(em, ctx.workspaceId, { phones: rows.map((c) => c.phone), emails: rows.map((c) => c.email) });

  const tags = [...new Set([...survivor.tags, ...merged.flatMap((c) => c.tags)])].sort();
  if (tags.length > MAX_TAGS_PER_CONTACT) {
    const message = `The merged contact would carry ${tags.length} tags; at most ${MAX_TAGS_PER_CONTACT}`;
    throw new ApiError('contact_tag_limit', message, { errors: [{ pointer: '/from', code: 'contact_tag_limit', message }] });
  }
  // tag counts cover live contacts: each merged contact stops counting, the survivor counts the tags it gains
  const delta = new Map<string, number>();
  for (const c of merged) for (const t of c.tags) delta.set(t, (delta.get(t) ?? 0) - 1);
  for (const t of tags) if (!survivor.tags.includes(t)) delta.set(t, (delta.get(t) ?? 0) + 1);
  const counted = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  // every tag named is carried by one of the contacts, so it exists
  await shiftTagCounts(em, ctx.workspaceId, counted.map(([name, delta]) => ({ name, delta })), ctx.now);

  const next = {
    attributes: mergedAttributes(survivor, merged, body.attributes ?? 'survivor'),
    fields: Object.fromEntries(FILLED.map(([, prop]) => [prop, survivor[prop] ?? merged.find((c) => c[prop] !== null)?.[prop] ?? null])),
    optedInAt: latest(rows.map((c) => c.optedInAt)),
    optedOutAt: latest(rows.map((c) => c.optedOutAt)),
    // the latest consent change says what the person wants now; its source goes with it
    consentSource: rows.reduce((held, c) => (consentTime(c) > consentTime(held) ? c : held), survivor).consentSource ?? null,
  };

  // the tombstones first: the survivor may take a phone or external id that is unique among live contacts
  for (const c of merged) {
    Object.assign(c, { ...noContactText(), externalId: null, attributes: {}, tags: [], optedInAt: null, optedOutAt: null, consentSource: null });
    c.mergedInto = survivor.id;
    c.deletedAt = ctx.now;
    c.updatedAt = ctx.now;
    c.version += 1;
  }
  await em.flush();

  // one open conversation per contact and channel: the survivor's stays open, else the most recent of the merged ones
  await em.execute(
    `update conversations c set status = 'closed', updated_at = ?
     from (select id, row_number() over (partition by channel_id order by (contact_id = ?) desc, updated_at desc, id desc) as rn
           from conversations where workspace_id = ? and status = 'open' and contact_id in ${IN_LIST}) r
     where c.id = r.id and r.rn > 1`,
    [ctx.now, survivor.id, ctx.workspaceId, JSON.stringify(ids)],
  );
  for (const table of MOVED_TABLES) {
    await em.execute(`update ${table} set contact_id = ?, updated_at = ? where workspace_id = ? and contact_id in ${IN_LIST}`, [
      survivor.id,
      ctx.now,
      ctx.workspaceId,
      JSON.stringify(from),
    ]);
  }

  const previous: Record<string, unknown> = {};
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  for (const [wireName, prop] of FILLED) {
    if (next.fields[prop] === survivor[prop]) continue;
    previous[wireName] = survivor[prop];
    survivor[prop] = next.fields[prop];
  }
  if (JSON.stringify(next.attributes) !== JSON.stringify(survivor.attributes)) {
    previous.attributes = survivor.attributes;
    survivor.attributes = next.attributes;
  }
  if (JSON.stringify(tags) !== JSON.stringify(survivor.tags)) {
    previous.tags = survivor.tags;
    survivor.tags = tags;
  }
  for (const [wireName, prop] of [['opted_in_at', 'optedInAt'], ['opted_out_at', 'optedOutAt']] as const) {
    if (iso(next[prop]) === iso(survivor[prop])) continue;
    previous[wireName] = iso(survivor[prop]);
    survivor[prop] = next[prop];
  }
  if (next.consentSource !== (survivor.consentSource ?? null)) {
    previous.consent_source = survivor.consentSource ?? null;
    survivor.consentSource = next.consentSource;
  }
  survivor.version += 1;
  survivor.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, {
    type: 'contact.merged',
    objectType: 'contact',
    objectId: survivor.id,
    sequence: survivor.version,
    object: toContactWire(survivor),
    previousAttributes: previous,
    extra: { merged_from: from },
  });
  await em.flush();
  return { status: 200, body: toContactWire(survivor) };
}
