import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { CONTACT_TEXT_FIELDS, ContactSchema, noContactText, type Contact } from '../db/entities';
import { contactMissing, toContactWire, toDeletedContactWire } from '../db/contacts.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { countTagsOff } from '../db/tags.queries';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { guardSubject } from '../privacy/fence';
import { E164, normaliseEmail, normalisePhone } from '../identifiers';
import { attributeProblems, attributeRules, type AttributeRules } from '../db/contact-attributes.queries';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';

type Attributes = Contact['attributes'];

/** A contact's fields as a create or an update sends them (an update's `null` removes a field). */
export type ContactInput = RequestBody<'createContact'> | RequestBody<'updateContact'>;

// every field a create or an update sets as sent (wire name, property): the identifiers and the text fields
const FIELD_MAP = [['phone', 'phone'], ['email', 'email'], ...CONTACT_TEXT_FIELDS.map((f) => [f.wire, f.prop] as const), ['external_id', 'externalId']] as const;

/**
 * The one form contacts' identifiers are stored and compared in: phones in E.164, emails case-folded. A phone that
 * reads as no international number is a 400 (`pointer` is where the body sits in the request).
 */
export function normaliseContactInput(body: ContactInput, pointer: string): ContactInput {
  const out = { ...body };
  if (typeof body.phone === 'string') {
    out.phone = normalisePhone(body.phone);
    if (!E164.test(out.phone)) {
      const message = 'must be an international phone number (E.164, such as +919876543210)';
      throw new ApiError('invalid_request', `${pointer}/phone: ${message}`, { errors: [{ pointer: `${pointer}/phone`, code: 'pattern', message }] });
    }
  }
  if (typeof body.email === 'string') out.email = normaliseEmail(body.email);
  return out;
}

/** Whether a write sets any attribute value (a removal, `null`, needs no definition). */
export function setsAttributes(attributes: ContactInput['attributes']): boolean {
  return Object.values(attributes ?? {}).some((v) => v !== null);
}

/**
 * Refuses attribute values that do not fit the workspace's definitions (422 invalid_attributes, one error per key at
 * `<pointer>/<key>`). `rules` are the ones a bulk chunk loaded once; otherwise they are read here, under the lock
 * that keeps definition changes out until this write commits.
 */
export async function assertAttributesFit(em: EntityManager, workspaceId: string, attributes: ContactInput['attributes'], pointer: string, rules?: AttributeRules): Promise<void> {
  if (!setsAttributes(attributes)) return;
  const problems = attributeProblems(rules ?? (await attributeRules(em, workspaceId)), attributes, pointer);
  if (problems.length) {
    throw new ApiError('invalid_attributes', problems.map((p) => `${p.pointer}: ${p.message}`).join('; ').slice(0, 500), { errors: problems });
  }
}

/** Who holds a unique value among the workspace's live contacts: the database, or a bulk chunk's locked rows. */
export type HolderOf = (field: 'phone' | 'external_id', value: string) => Promise<string | undefined>;

const holderInDatabase =
  (em: EntityManager, workspaceId: string): HolderOf =>
  async (field, value) => {
    const prop = field === 'phone' ? 'phone' : 'externalId';
    return (await em.findOne(ContactSchema, { workspace: workspaceId, [prop]: value, deletedAt: null }, { fields: ['id'] }))?.id;
  };

export async function assertUnique(input: ContactInput, selfId: string | undefined, holderOf: HolderOf): Promise<void> {
  const checks = [
    { field: 'phone', value: input.phone, code: 'contact_phone_taken' },
    { field: 'external_id', value: input.external_id, code: 'contact_external_id_taken' },
  ] as const;
  for (const check of checks) {
    if (check.value === undefined || check.value === null) continue;
    const holder = await holderOf(check.field, check.value);
    if (holder && holder !== selfId) {
      throw new ApiError(check.code, `Contact ${holder} already has this ${check.field === 'phone' ? 'phone number' : 'external id'}`, {
        existing_id: holder,
        errors: [{ pointer: `/${check.field}`, code: check.code, message: `Already used by contact ${holder}` }],
      });
    }
  }
}

export async function findLive(em: EntityManager, workspaceId: string, id: string): Promise<Contact> {
  await guardSubject(em, workspaceId, { contactIds: [id] });
  // the row lock serialises concurrent commands on one contact, so versions and event sequences never collide
  const contact = await em.findOne(ContactSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!contact) throw await contactMissing(em, workspaceId, id);
  return contact;
}

/**
 * What a bulk import item carries beyond a contact's own fields: the contact's whole sorted tag list (the caller counts
 * the added tags) and a consent change with where it came from.
 */
export interface ContactState {
  tags?: string[];
  consent?: { optedInAt?: Date; optedOutAt?: Date; consentSource?: string };
}

/** The text fields a create sent, each null when it sent none. */
function contactText(body: ContactInput): ReturnType<typeof noContactText> {
  const out = noContactText();
  for (const f of CONTACT_TEXT_FIELDS) out[f.prop] = body[f.wire] ?? null;
  return out;
}

/** A new contact and its contact.created event in the unit of work (flushed by the caller). */
export function insertContact(em: EntityManager, ctx: CommandContext, body: ContactInput, state: ContactState = {}): Contact {
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(body.attributes ?? {})) if (v !== null) attributes[k] = v;
  const contact = em.create(ContactSchema, {
    id: idFromSeed('ctc', ctx.seed),
    workspace: ctx.workspaceId,
    phone: body.phone ?? null,
    email: body.email ?? null,
    ...contactText(body),
    externalId: body.external_id ?? null,
    attributes,
    tags: state.tags ?? [],
    ...(state.consent
      ? { optedInAt: state.consent.optedInAt ?? null, optedOutAt: state.consent.optedOutAt ?? null, consentSource: state.consent.consentSource ?? null }
      : {}),
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  recordEvent(em, ctx, 0, { type: 'contact.created', objectType: 'contact', objectId: contact.id, sequence: 1, object: toContactWire(contact) });
  return contact;
}

/** Applies a patch to a locked contact; when anything changed, a new version and its contact.updated event (flushed by the caller). */
export function changeContact(em: EntityManager, ctx: CommandContext, contact: Contact, body: ContactInput, state: ContactState = {}): boolean {
  const previous: Record<string, unknown> = {};
  for (const [wireName, prop] of FIELD_MAP) {
    const next = body[wireName];
    if (next === undefined || next === contact[prop]) continue;
    previous[wireName] = contact[prop];
    contact[prop] = next;
  }
  if (body.attributes) {
    const merged: Attributes = { ...contact.attributes };
    for (const [k, v] of Object.entries(body.attributes)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    if (JSON.stringify(merged) !== JSON.stringify(contact.attributes)) {
      previous.attributes = contact.attributes;
      contact.attributes = merged;
    }
  }
  if (state.tags && JSON.stringify(state.tags) !== JSON.stringify(contact.tags)) {
    previous.tags = contact.tags;
    contact.tags = state.tags;
  }
  if (state.consent) {
    const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
    let moved = false;
    for (const [wireName, prop] of [['opted_in_at', 'optedInAt'], ['opted_out_at', 'optedOutAt']] as const) {
      const next = state.consent[prop];
      if (next === undefined || iso(next) === iso(contact[prop])) continue;
      previous[wireName] = iso(contact[prop]);
      contact[prop] = next;
      moved = true;
    }
    // a consent that moved without a source has none; the same consent imported again keeps the one it has
    const source = state.consent.consentSource !== undefined ? state.consent.consentSource : moved ? null : (contact.consentSource ?? null);
    if (source !== (contact.consentSource ?? null)) {
      previous.consent_source = contact.consentSource ?? null;
      contact.consentSource = source;
    }
  }
  if (Object.keys(previous).length === 0) return false;
  contact.version += 1;
  contact.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, {
    type: 'contact.updated',
    objectType: 'contact',
    objectId: contact.id,
    sequence: contact.version,
    object: toContactWire(contact),
    previousAttributes: previous,
  });
  return true;
}

export async function createContact(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, wire: RequestBody<'createContact'>): Promise<CommandResponse> {
  const body = normaliseContactInput(wire, '');
  await guardSubject(em, ctx.workspaceId, { phones: [body.phone], emails: [body.email] });
  await assertUnique(body, undefined, holderInDatabase(em, ctx.workspaceId));
  await assertAttributesFit(em, ctx.workspaceId, body.attributes, '/attributes');
  const contact = insertContact(em, ctx, body);
  await em.flush();
  return { status: 201, body: toContactWire(contact) };
}

export async function updateContact(em: EntityManager, ctx: CommandContext, params: Record<string, string>, wire: RequestBody<'updateContact'>): Promise<CommandResponse> {
  const body = normaliseContactInput(wire, '');
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  // a new phone or email of a person being purged is refused too, whichever contact it lands on
  await guardSubject(em, ctx.workspaceId, { phones: [body.phone], emails: [body.email] });
  await assertUnique(body, contact.id, holderInDatabase(em, ctx.workspaceId));
  await assertAttributesFit(em, ctx.workspaceId, body.attributes, '/attributes');
  if (changeContact(em, ctx, contact, body)) await em.flush();
  return { status: 200, body: toContactWire(contact) };
}

export async function deleteContact(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  // tag counts cover live contacts only; the tombstone keeps its tags so a tag-filtered sync still sees the delete
  await countTagsOff(em, ctx.workspaceId, contact.tags, ctx.now);
  contact.deletedAt = ctx.now;
  contact.updatedAt = ctx.now;
  contact.version += 1;
  const tombstone = toDeletedContactWire(contact);
  recordEvent(em, ctx, 0, { type: 'contact.deleted', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: tombstone });
  await em.flush();
  return { status: 200, body: tombstone };
}
