import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { ApplicationFailure } from '@temporalio/common';
import { DriverException, LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { spec } from '../spec';
import { AJV_FORMATS_MODE, CALENDAR_FORMATS } from '../spec-formats';
import { config } from '../config';
import { findBulkJob, bulkCounts, toBulkJobWire, toItemResultWire } from '../db/bulk.queries';
import { BulkJobSchema, ChannelSchema, ContactSchema, ConversationSchema, IdempotencySchema, type BulkJobItem, type Contact, type Conversation, type FollowUp } from '../db/entities';
import { toContactWire } from '../db/contacts.queries';
import { toMessageWire } from '../db/messaging.queries';
import type { CommandContext } from '../db/events';
import { ApiError, problemOf, type ErrorCode, type FieldError, type Problem } from '../errors';
import { idFromSeed } from '../ids';
import type { CommandResponse } from './types';
import { countTagsBy, normaliseTagName, toTagWire } from '../db/tags.queries';
import { MAX_TAGS_PER_CONTACT, retagContact } from './tags';
import { recordEvent } from '../db/events';
import { tentativeConversation, queueMessage, type MessageInput } from './messaging';
import { channelSenderFollowUp } from '../channels/names';
import { holdFence, type Fence } from '../privacy/fence';
import { normaliseEmail, normalisePhone } from '../identifiers';
import { assertAttributesFit, assertUnique, changeContact, insertContact, normaliseContactInput, setsAttributes, type ContactInput, type ContactState, type HolderOf } from './contacts';
import { attributeRules } from '../db/contact-attributes.queries';

type Item = Record<string, unknown>;

interface MatchKey {
  /** the item's field that carries it, for error pointers */
  field: string;
  /** a namespaced key: `phone:+91…`; equal keys are the same target */
  key: string;
}

/**
 * Applies one item as its single-item operation would; refuses (throws ApiError) before it changes anything. `close`
 * writes what the chunk's items share (tag counters) before the chunk flushes.
 */
type ItemApplier = ((ctx: CommandContext, item: Item) => Promise<CommandResponse>) & { close?: () => Promise<void> };

/** What a bulk operation does: the single-item schema it validates against, its match keys, and how a chunk applies items. */
interface BulkOperation {
  itemSchema: string;
  matchKeys(item: Item): MatchKey[];
  /** further advisory lock keys beyond the match keys (shared rows such as tag counters) */
  lockKeys?(item: Item): string[];
  /**
   * Locks (by id order) and loads every row the chunk's items can touch, so two chunks never wait on each other in a
   * cycle, then returns the per-item applier. Writes stay in the unit of work; the chunk flushes them once.
   */
  openChunk(em: EntityManager, workspaceId: string, items: Item[], fence: Fence): Promise<ItemApplier>;
  /** workflows to start once the job has finished, built from the stored ids of the items answered 201 */
  followUps?(em: EntityManager, workspaceId: string, createdIds: string[]): Promise<FollowUp[]>;
}

// a phone is matched in the form contacts store it (E.164), an email case-folded, however the item wrote them
const stringField = (item: Item, field: string): string | undefined => {
  const v = item[field];
  if (typeof v !== 'string') return undefined;
  return field === 'phone' ? normalisePhone(v) : field === 'email' ? normaliseEmail(v) : v;
};

type MatchField = 'external_id' | 'phone' | 'email';
const MATCH_ORDER: MatchField[] = ['external_id', 'phone', 'email'];
// the identifier an upsert item is matched on: the one it names, otherwise the first it carries
const matchFieldOf = (item: Item): MatchField | undefined =>
  typeof item.match_on === 'string' ? (item.match_on as MatchField) : MATCH_ORDER.find((f) => stringField(item, f) !== undefined);

const fieldProblem = (code: ErrorCode, pointer: string, message: string, errorCode = code as string): ApiError =>
  new ApiError(code, `${pointer}: ${message}`, { errors: [{ pointer, code: errorCode, message }] });

/** The consent an item states, refused (400) when it names a time to come or a source without a time. */
function consentOf(item: Item, now: Date): ContactState['consent'] {
  const times: { optedInAt?: Date; optedOutAt?: Date } = {};
  for (const [field, prop] of [['opted_in_at', 'optedInAt'], ['opted_out_at', 'optedOutAt']] as const) {
    if (typeof item[field] !== 'string') continue;
    const at = new Date(item[field] as string);
    // a minute of leeway for the sender's clock
    if (at.getTime() > now.getTime() + 60_000) throw fieldProblem('invalid_request', `/${field}`, 'must not be in the future', 'maximum');
    times[prop] = at;
  }
  const source = typeof item.consent_source === 'string' ? item.consent_source : undefined;
  if (!times.optedInAt && !times.optedOutAt) {
    if (source !== undefined) throw fieldProblem('invalid_request', '/consent_source', 'needs opted_in_at or opted_out_at', 'dependentRequired');
    return undefined;
  }
  return { ...times, ...(source !== undefined ? { consentSource: source } : {}) };
}

const upsertTagNames = (item: Item): string[] => [...new Set((Array.isArray(item.tags) ? (item.tags as string[]) : []).map(normaliseTagName))];

const upsertContacts: BulkOperation = {
  itemSchema: 'ContactUpsertItem',
  // phone and external id are unique among live contacts, so an item claims both; an email only when it is the match
  matchKeys(item) {
    const field = matchFieldOf(item);
    return MATCH_ORDER.filter((f) => f !== 'email' || field === 'email').flatMap((f) => {
      const v = stringField(item, f);
      return v === undefined ? [] : [{ field: f, key: `${f}:${v}` }];
    });
  },
  // the same tag locks as bulk tagging, so two jobs counting one tag queue in sorted order
  lockKeys(item) {
    return upsertTagNames(item).map((name) => `tag:${name}`);
  },
  async openChunk(em, workspaceId, items, fence) {
    const values = (field: string, only?: (i: Item) => boolean) =>
      items.filter((i) => !only || only(i)).map((i) => stringField(i, field)).filter((v): v is string => v !== undefined);
    const phones = values('phone');
    const externalIds = values('external_id');
    const emails = values('email', (i) => matchFieldOf(i) === 'email');
    const locked = await em.find(
      ContactSchema,
      { workspace: workspaceId, deletedAt: null, $or: [{ phone: { $in: phones } }, { externalId: { $in: externalIds } }, { email: { $in: emails } }] },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    // every live holder of a phone or external id of this chunk (and of an email matched on) is locked here, so
    // uniqueness and matches are checked in memory
    const byPhone = new Map<string, Contact>();
    const byExternalId = new Map<string, Contact>();
    const byEmail = new Map<string, Set<Contact>>();
    const index = (c: Contact) => {
      if (c.phone) byPhone.set(c.phone, c);
      if (c.externalId) byExternalId.set(c.externalId, c);
      if (c.email) byEmail.set(c.email, (byEmail.get(c.email) ?? new Set()).add(c));
    };
    const unindex = (c: Contact, before: Pick<Contact, 'phone' | 'externalId' | 'email'>) => {
      if (before.phone && before.phone !== c.phone && byPhone.get(before.phone) === c) byPhone.delete(before.phone);
      if (before.externalId && before.externalId !== c.externalId && byExternalId.get(before.externalId) === c) byExternalId.delete(before.externalId);
      if (before.email && before.email !== c.email) byEmail.get(before.email)?.delete(c);
    };
    locked.forEach(index);
    const holderOf: HolderOf = async (field, value) => (field === 'phone' ? byPhone : byExternalId).get(value)?.id;
    const tags = await openTagCounts(em, workspaceId, [...new Set(items.flatMap(upsertTagNames))]);
    // the workspace's attribute definitions, read once for the chunk (under the same lock a single write takes)
    const rules = items.some((i) => setsAttributes((i as ContactInput).attributes)) ? await attributeRules(em, workspaceId) : undefined;
    const apply: ItemApplier = async (ctx, item) => {
      const body = normaliseContactInput(item as ContactInput, '');
      await assertAttributesFit(em, workspaceId, body.attributes, '/attributes', rules);
      const field = matchFieldOf(item)!;
      const value = stringField(body as Item, field);
      if (value === undefined) throw fieldProblem('invalid_request', `/${field}`, `is required to match on ${field}`, 'required');
      const consent = consentOf(item, ctx.now);
      let match: Contact | undefined;
      if (field === 'email') {
        const holders = [...(byEmail.get(value) ?? [])];
        fence.refuse({ contactIds: holders.map((c) => c.id), phones: [body.phone], emails: [body.email] }, '/email');
        if (holders.length > 1) throw fieldProblem('contact_match_ambiguous', '/email', `${holders.length} live contacts have this email`);
        match = holders[0];
      } else {
        match = (field === 'phone' ? byPhone : byExternalId).get(value);
      }
      fence.refuse({ contactIds: [match?.id], phones: [body.phone, match?.phone], emails: [body.email, match?.email] }, body.phone ? '/phone' : `/${field}`);
      await assertUnique(body, match?.id, holderOf);
      const carried = match?.tags ?? [];
      const added = upsertTagNames(item).filter((name) => !carried.includes(name)).sort();
      if (carried.length + added.length > MAX_TAGS_PER_CONTACT) {
        throw fieldProblem('contact_tag_limit', '/tags', `The contact carries ${carried.length} tags; ${added.length} more would exceed ${MAX_TAGS_PER_CONTACT}`);
      }
      // nothing below refuses: the item is applied whole
      const state: ContactState = { ...(added.length ? { tags: [...carried, ...added].sort() } : {}), ...(consent ? { consent } : {}) };
      tags.countOn(ctx, added);
      if (!match) {
        const contact = insertContact(em, ctx, body, state);
        index(contact);
        return { status: 201, body: toContactWire(contact) };
      }
      const before = { phone: match.phone, externalId: match.externalId, email: match.email };
      changeContact(em, ctx, match, body, state);
      unindex(match, before);
      index(match);
      return { status: 200, body: toContactWire(match) };
    };
    apply.close = tags.close;
    return apply;
  },
};

/**
 * A chunk's tag counters, kept as the tag endpoints keep them (countTagsOn) with one read and one write per chunk: the
 * tags named are locked when the chunk opens, each applied item counts its added tags in memory, and the chunk writes
 * the counts (creating new tags, with `tag.created` for the item that first added each) before it commits.
 */
async function openTagCounts(em: EntityManager, workspaceId: string, names: string[]) {
  const existing = new Map<string, string>();
  if (names.length) {
    const rows = await em.execute<{ id: string; name: string }[]>(
      `select id, name from tags where workspace_id = ? and name in (select jsonb_array_elements_text(?::jsonb)) order by name for update`,
      [workspaceId, JSON.stringify(names)],
    );
    rows.forEach((r) => existing.set(r.name, r.id));
  }
  const delta = new Map<string, number>();
  const proposed = new Map<string, { id: string; ctx: CommandContext; n: number }>();
  let now: Date | undefined;
  return {
    countOn(ctx: CommandContext, added: string[]): void {
      now = ctx.now;
      added.forEach((name, i) => {
        delta.set(name, (delta.get(name) ?? 0) + 1);
        if (!existing.has(name) && !proposed.has(name)) proposed.set(name, { id: idFromSeed('tag', ctx.seed, i), ctx, n: i + 1 });
      });
    },
    async close(): Promise<void> {
      if (!delta.size || !now) return;
      const rows = [...delta.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, d]) => ({ id: existing.get(name) ?? proposed.get(name)!.id, name, delta: d }));
      const counted = await countTagsBy(em, workspaceId, rows, now);
      // a tag another command created since the chunk opened is counted on, not created, and gets no tag.created here
      for (const tag of counted) {
        const p = proposed.get(tag.name);
        if (p && p.id === tag.id) recordEvent(em, p.ctx, p.n, { type: 'tag.created', objectType: 'tag', objectId: tag.id, sequence: 1, object: toTagWire(tag) });
      }
    },
  };
}

const CONTACT_REFS = ['contact_id', 'external_id', 'phone'] as const;
const tagNames = (item: Item, field: string): string[] => (Array.isArray(item[field]) ? (item[field] as string[]).map(normaliseTagName) : []);

const retagContacts: BulkOperation = {
  itemSchema: 'ContactTagsBulkItem',
  matchKeys(item) {
    return CONTACT_REFS.flatMap((field) => {
      const v = stringField(item, field);
      return v === undefined ? [] : [{ field, key: `${field}:${v}` }];
    });
  },
  // tag counters are rows too: two chunks naming the same tag take its advisory lock in sorted order with the others
  lockKeys(item) {
    return [...tagNames(item, 'add'), ...tagNames(item, 'remove')].map((name) => `tag:${name}`);
  },
  async openChunk(em, workspaceId, items, fence) {
    const values = (field: string) => JSON.stringify(items.map((i) => stringField(i, field)).filter((v) => v !== undefined));
    const ids = await em.execute<{ id: string }[]>(
      `select id from contacts where workspace_id = ? and deleted_at is null
         and (id in (select jsonb_array_elements_text(?::jsonb)) or external_id in (select jsonb_array_elements_text(?::jsonb))
              or phone in (select jsonb_array_elements_text(?::jsonb)))
       order by id for update`,
      [workspaceId, values('contact_id'), values('external_id'), values('phone')],
    );
    const locked = ids.length ? await em.find(ContactSchema, { id: { $in: ids.map((r) => r.id) } }) : [];
    const by = {
      contact_id: new Map(locked.map((c) => [c.id, c])),
      external_id: new Map(locked.filter((c) => c.externalId).map((c) => [c.externalId!, c])),
      phone: new Map(locked.filter((c) => c.phone).map((c) => [c.phone!, c])),
    };
    return async (ctx, item) => {
      const field = CONTACT_REFS.find((f) => stringField(item, f) !== undefined)!;
      // the item's own reference first: a fenced person's contact may already be anonymised (not found)
      fence.refuse({ contactIds: [stringField(item, 'contact_id')], phones: [stringField(item, 'phone')] }, `/${field}`);
      const contact = by[field].get(stringField(item, field)!);
      if (!contact) {
        const message = `No live contact has this ${field.replace('_', ' ')}`;
        throw new ApiError('resource_missing', message, { errors: [{ pointer: `/${field}`, code: 'resource_missing', message }] });
      }
      fence.refuse({ contactIds: [contact.id] }, `/${field}`);
      await retagContact(em, ctx, contact, { add: item.add as string[] | undefined, remove: item.remove as string[] | undefined }, { add: '/add', remove: '/remove' });
      return { status: 200, body: toContactWire(contact) };
    };
  },
};

const RECIPIENT_REFS = ['contact_id', 'phone'] as const;

const createMessages: BulkOperation = {
  itemSchema: 'MessagesBulkItem',
  // one message per recipient and channel per request
  matchKeys(item) {
    const channelId = stringField(item, 'channel_id');
    return RECIPIENT_REFS.flatMap((field) => {
      const v = stringField(item, field);
      return v === undefined ? [] : [{ field, key: `${field}:${v}@${channelId}` }];
    });
  },
  async openChunk(em, workspaceId, items, fence) {
    const values = (field: string) => JSON.stringify(items.map((i) => stringField(i, field)).filter((v) => v !== undefined));
    // the contacts are locked, so a concurrent chunk or send cannot open a second conversation for them
    const ids = await em.execute<{ id: string }[]>(
      `select id from contacts where workspace_id = ? and deleted_at is null
         and (id in (select jsonb_array_elements_text(?::jsonb)) or phone in (select jsonb_array_elements_text(?::jsonb)))
       order by id for update`,
      [workspaceId, values('contact_id'), values('phone')],
    );
    const contacts = ids.length ? await em.find(ContactSchema, { id: { $in: ids.map((r) => r.id) } }) : [];
    const by = {
      contact_id: new Map(contacts.map((c) => [c.id, c])),
      phone: new Map(contacts.filter((c) => c.phone).map((c) => [c.phone!, c])),
    };
    const channelIds = [...new Set(items.map((i) => stringField(i, 'channel_id')!))];
    const channels = new Set((await em.find(ChannelSchema, { workspace: workspaceId, id: { $in: channelIds } })).map((c) => c.id));
    const open = new Map<string, Conversation>();
    if (contacts.length) {
      const found = await em.find(ConversationSchema, { workspace: workspaceId, contact: { $in: contacts.map((c) => c.id) }, channel: { $in: channelIds }, status: 'open' });
      for (const c of found) open.set(`${c.contact}|${c.channel}`, c);
    }
    return async (ctx, item) => {
      const field = RECIPIENT_REFS.find((f) => stringField(item, f) !== undefined)!;
      fence.refuse({ contactIds: [stringField(item, 'contact_id')], phones: [stringField(item, 'phone')] }, `/${field}`);
      const contact = by[field].get(stringField(item, field)!);
      if (!contact) {
        const message = `No live contact has this ${field.replace('_', ' ')}`;
        throw new ApiError('contact_not_found', message, { errors: [{ pointer: `/${field}`, code: 'contact_not_found', message }] });
      }
      fence.refuse({ contactIds: [contact.id] }, `/${field}`);
      const channelId = item.channel_id as string;
      if (!channels.has(channelId)) {
        throw new ApiError('channel_not_found', `No such channel: '${channelId}'`, { errors: [{ pointer: '/channel_id', code: 'channel_not_found', message: 'No such channel' }] });
      }
      const body: MessageInput = { type: 'template', template_id: item.template_id as string, parameters: item.parameters as string[] | undefined, send_at: stringField(item, 'send_at') };
      const key = `${contact.id}|${channelId}`;
      const existing = open.get(key);
      if (existing) return { status: 201, body: toMessageWire((await queueMessage(em, ctx, 0, existing, contact, body)).message) };
      // a refused item opens no conversation: queueMessage refuses before it writes anything, and the conversation is
      // still only in the unit of work, which the chunk flushes once (the message's foreign key is checked at commit)
      const { conversation, discard } = tentativeConversation(em, ctx, 0, contact.id, channelId);
      try {
        const { message } = await queueMessage(em, ctx, 0, conversation, contact, body);
        open.set(key, conversation);
        return { status: 201, body: toMessageWire(message) };
      } catch (err) {
        discard();
        throw err;
      }
    };
  },
  // one wake per channel that got messages, however many: its sender hands them over now or sleeps until their send_at
  async followUps(em, workspaceId, createdIds) {
    const rows = await em.execute<{ channel_id: string }[]>(
      `select distinct channel_id from messages where workspace_id = ? and id in (select jsonb_array_elements_text(?::jsonb)) order by channel_id`,
      [workspaceId, JSON.stringify(createdIds)],
    );
    return rows.map((r) => channelSenderFollowUp(workspaceId, r.channel_id));
  },
};

export const BULK_OPERATIONS: Record<string, BulkOperation> = {
  bulkUpsertContacts: upsertContacts,
  bulkTagContacts: retagContacts,
  bulkCreateMessages: createMessages,
};

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
// the formats the request validator reads (src/spec-formats.ts), so an item is judged as a single request would be
addFormats(ajv, { mode: AJV_FORMATS_MODE });
for (const [name, format] of Object.entries(CALENDAR_FORMATS)) ajv.addFormat(name, format);
ajv.addSchema({ ...(spec as object), $id: 'urn:sabnode:openapi' } as object);
const validators = new Map<string, ValidateFunction>();

function validatorFor(schema: string): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile({ $ref: `urn:sabnode:openapi#/components/schemas/${schema}` });
    validators.set(schema, v);
  }
  return v;
}

/** The problem the single-item operation would have answered, with pointers moved under `/items/<index>`. */
function itemProblem(code: ErrorCode, requestId: string, index: number, detail: string | undefined, extras: ApiError['extras'] = {}): Problem {
  const errors = extras.errors?.map((e) => ({ ...e, pointer: `/items/${index}${e.pointer === '/' ? '' : e.pointer}` }));
  return problemOf(code, requestId, detail, { ...extras, ...(errors ? { errors } : {}) });
}

function validationProblem(validate: ValidateFunction, requestId: string, index: number): Problem {
  const errors: FieldError[] = (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : '';
    const required = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : '';
    return { pointer: `${e.instancePath}${extra}${required}` || '/', code: e.keyword, message: e.message ?? 'is invalid' };
  });
  const problem = itemProblem('invalid_request', requestId, index, undefined, { errors });
  return { ...problem, detail: (problem.errors ?? []).map((e) => `${e.pointer}: ${e.message}`).join('; ').slice(0, 500) };
}

interface PreparedItem {
  idx: number;
  input: Item;
  status: number | null;
  error: Problem | null;
}

/**
 * Creates the job and its items from the stored request, once per command. Items that fail validation, and later items
 * that repeat an earlier item's match key (`duplicate_in_request`), get their result here; the rest are applied by chunks.
 */
export async function prepareBulkJob(orm: MikroORM, commandId: string): Promise<{ jobId: string; chunks: number }> {
  return orm.em.fork().transactional(async (em) => {
    const record = await em.findOne(IdempotencySchema, { id: commandId });
    if (!record) throw ApplicationFailure.nonRetryable(`command ${commandId} has no stored request`, 'command_missing');
    const existing = await findBulkJob(em, { commandId });
    if (existing) return { jobId: existing.id, chunks: Math.ceil(existing.total / existing.chunkSize) };
    const operation = BULK_OPERATIONS[record.operationId];
    if (!operation) throw ApplicationFailure.nonRetryable(`no bulk operation named ${record.operationId}`, 'command_unknown');
    const items = ((record.request.body as { items?: Item[] } | null)?.items ?? []) as Item[];
    const requestId = record.request.requestId ?? '';
    const validate = validatorFor(operation.itemSchema);
    const claimed = new Map<string, number>();
    const prepared: PreparedItem[] = items.map((input, idx) => {
      if (!validate(input)) return { idx, input, status: 400, error: validationProblem(validate, requestId, idx) };
      const keys = operation.matchKeys(input);
      const dup = keys.find((k) => claimed.has(k.key));
      if (dup) {
        const first = claimed.get(dup.key)!;
        const message = `Item ${first} of this request has the same ${dup.field}; each target appears once per request`;
        return { idx, input, status: 422, error: itemProblem('duplicate_in_request', requestId, idx, message, { errors: [{ pointer: `/${dup.field}`, code: 'duplicate_in_request', message }] }) };
      }
      for (const k of keys) claimed.set(k.key, idx);
      return { idx, input, status: null, error: null };
    });
    const jobId = idFromSeed('blk', commandId);
    const now = new Date();
    em.create(BulkJobSchema, {
      id: jobId,
      workspace: record.workspace,
      commandId,
      operationId: record.operationId,
      status: 'running',
      total: items.length,
      chunkSize: config.bulkChunkSize,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    });
    await em.flush();
    await em.execute(
      `insert into bulk_job_items (job_id, idx, input, status, error)
       select ?, x.idx, x.input, x.status, x.error from jsonb_to_recordset(?::jsonb) as x(idx int, input jsonb, status smallint, error jsonb)`,
      [jobId, JSON.stringify(prepared)],
    );
    return { jobId, chunks: Math.ceil(items.length / config.bulkChunkSize) };
  });
}

/**
 * Applies the items of one chunk that have no result yet, in one transaction that also records their results: a
 * retried chunk finds them recorded and applies nothing twice. Match keys are locked first, in sorted order, so two
 * jobs touching the same contacts queue behind each other instead of deadlocking.
 */
export async function runBulkChunk(orm: MikroORM, input: { jobId: string; chunk: number }, heartbeat: () => void): Promise<{ applied: number }> {
  return orm.em.fork().transactional(async (em) => {
    const job = await em.findOne(BulkJobSchema, { id: input.jobId });
    if (!job) throw ApplicationFailure.nonRetryable(`no bulk job ${input.jobId}`, 'command_missing');
    const operation = BULK_OPERATIONS[job.operationId];
    const record = await em.findOneOrFail(IdempotencySchema, { id: job.commandId }, { fields: ['request'] });
    const from = input.chunk * job.chunkSize;
    const rows = await em.execute<Pick<BulkJobItem, 'idx' | 'input' | 'status'>[]>(
      `select idx, input, status from bulk_job_items where job_id = ? and idx >= ? and idx < ? order by idx for update`,
      [job.id, from, from + job.chunkSize],
    );
    const pending = rows.filter((r) => r.status === null);
    if (!pending.length) return { applied: 0 };
    // the purge fence's shared lock before the chunk's row locks; a fenced item is refused, the rest go on
    const fence = await holdFence(em, job.workspace);
    const keys = [...new Set(pending.flatMap((r) => [...operation.matchKeys(r.input).map((k) => k.key), ...(operation.lockKeys?.(r.input) ?? [])]).map((k) => `${job.workspace}:${k}`))].sort();
    // the set-returning function yields the array in order, so the locks are taken in sorted order
    await em.execute(`select pg_advisory_xact_lock(hashtextextended(k, 0::bigint)) from jsonb_array_elements_text(?::jsonb) as t(k)`, [JSON.stringify(keys)]);
    heartbeat();
    const apply = await operation.openChunk(em, job.workspace, pending.map((r) => r.input), fence);
    const requestId = record.request.requestId ?? '';
    const now = new Date();
    const results: { idx: number; status: number; id: string | null; error: Problem | null }[] = [];
    for (const row of pending) {
      const ctx: CommandContext = { workspaceId: job.workspace, requestId: record.request.requestId, seed: `${job.id}:${row.idx}`, now };
      try {
        const res = await apply(ctx, row.input);
        results.push({ idx: row.idx, status: res.status, id: (res.body as { id?: string }).id ?? null, error: null });
      } catch (err) {
        if (!(err instanceof ApiError) || err.status >= 500) throw err;
        results.push({ idx: row.idx, status: err.status, id: err.extras.existing_id ?? null, error: itemProblem(err.code, requestId, row.idx, err.detail, err.extras) });
      }
    }
    await apply.close?.();
    job.updatedAt = now;
    try {
      await em.flush();
    } catch (err) {
      // transient (a concurrent single-item write took a key, a deadlock): nothing of the chunk has committed; Temporal retries it
      if (err instanceof DriverException) throw new Error(`bulk chunk failed: ${err.name} (${(err as DriverException & { code?: string }).code ?? 'no code'})`);
      throw err;
    }
    heartbeat();
    await em.execute(
      // an item refused for a purge keeps nothing of the person (the purge may have passed over the items already)
      `update bulk_job_items b set status = x.status, result_id = x.id, error = x.error,
         input = case when x.error->>'code' = 'subject_being_purged' then '{"purged": true}'::jsonb else b.input end
       from jsonb_to_recordset(?::jsonb) as x(idx int, status smallint, id text, error jsonb) where b.job_id = ? and b.idx = x.idx`,
      [JSON.stringify(results), job.id],
    );
    return { applied: results.length };
  });
}

/**
 * The bulk command's own step, run by executeCommand once every chunk has committed: it completes the job and
 * answers with each item's result in input order (stored like any command's response).
 */
export async function finishBulkJob(em: EntityManager, ctx: CommandContext): Promise<CommandResponse> {
  if (!ctx.commandId) throw new Error('a bulk command runs with its command id');
  const job = await em.findOne(BulkJobSchema, { commandId: ctx.commandId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!job) throw new Error(`bulk command ${ctx.commandId} has no job`);
  const items = await em.execute<Pick<BulkJobItem, 'idx' | 'status' | 'resultId' | 'error'>[]>(
    `select idx, status, result_id as "resultId", error from bulk_job_items where job_id = ? order by idx`,
    [job.id],
  );
  // a chunk that has not committed: transient, the workflow only finishes after every chunk
  if (items.some((i) => i.status === null)) throw new Error(`bulk job ${job.id} has unapplied items`);
  job.status = 'completed';
  job.updatedAt = ctx.now;
  job.completedAt = ctx.now;
  await em.flush();
  const counts = await bulkCounts(em, job.id);
  // from the stored results, not from what a chunk saw: stored with the response, so a rerun starts the same workflows
  const created = items.filter((i) => i.status === 201 && i.resultId).map((i) => i.resultId!);
  const followUps = (await BULK_OPERATIONS[job.operationId]?.followUps?.(em, job.workspace, created)) ?? [];
  return { status: 200, body: { ...toBulkJobWire(job, counts), results: items.map(toItemResultWire) }, followUps };
}
