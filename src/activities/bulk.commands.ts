import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { ApplicationFailure } from '@temporalio/common';
import { DriverException, LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { spec } from '../api/spec';
import { config } from '../config';
import { findBulkJob, bulkCounts, toBulkJobWire, toItemResultWire } from '../db/bulk.queries';
import { BulkJobSchema, ChannelSchema, ContactSchema, ConversationSchema, IdempotencySchema, type BulkJobItem, type Contact, type Conversation, type FollowUp } from '../db/entities';
import { toContactWire } from '../db/contacts.queries';
import { toMessageWire } from '../db/messaging.queries';
import type { CommandContext } from '../db/events';
import { ApiError, problemOf, type ErrorCode, type FieldError, type Problem } from '../errors';
import { idFromSeed } from '../ids';
import type { CommandResponse } from './command-registry';
import { normaliseTagName } from '../db/tags.queries';
import { retagContact } from './tags.commands';
import { newConversation, queueMessage, type MessageInput } from './messaging.commands';
import { channelSenderFollowUp } from '../channel-senders';
import { holdFence, type Fence } from '../privacy/fence';
import { normalisePhone } from '../identifiers';
import { assertUnique, changeContact, insertContact, normaliseContactInput, type ContactInput, type HolderOf } from './contacts.commands';

type Item = Record<string, unknown>;

interface MatchKey {
  /** the item's field that carries it, for error pointers */
  field: string;
  /** a namespaced key: `phone:+91…`; equal keys are the same target */
  key: string;
}

/** Applies one item as its single-item operation would; refuses (throws ApiError) before it changes anything. */
type ItemApplier = (ctx: CommandContext, item: Item) => Promise<CommandResponse>;

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

// a phone is matched in the form contacts store it (E.164), however the item wrote it
const stringField = (item: Item, field: string): string | undefined =>
  typeof item[field] !== 'string' ? undefined : field === 'phone' ? normalisePhone(item[field] as string) : (item[field] as string);

const upsertContacts: BulkOperation = {
  itemSchema: 'ContactUpsertItem',
  matchKeys(item) {
    return (['external_id', 'phone'] as const).flatMap((field) => {
      const v = stringField(item, field);
      return v === undefined ? [] : [{ field, key: `${field}:${v}` }];
    });
  },
  async openChunk(em, workspaceId, items, fence) {
    const phones = items.map((i) => stringField(i, 'phone')).filter((v): v is string => v !== undefined);
    const externalIds = items.map((i) => stringField(i, 'external_id')).filter((v): v is string => v !== undefined);
    const locked = await em.find(
      ContactSchema,
      { workspace: workspaceId, deletedAt: null, $or: [{ phone: { $in: phones } }, { externalId: { $in: externalIds } }] },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    // every live holder of a phone or external id of this chunk is locked here, so uniqueness is checked in memory
    const byPhone = new Map<string, Contact>();
    const byExternalId = new Map<string, Contact>();
    const index = (c: Contact) => {
      if (c.phone) byPhone.set(c.phone, c);
      if (c.externalId) byExternalId.set(c.externalId, c);
    };
    locked.forEach(index);
    const holderOf: HolderOf = async (field, value) => (field === 'phone' ? byPhone : byExternalId).get(value)?.id;
    // matched on external_id when the item has one, otherwise on phone; then the single-item command's rules and events
    return async (ctx, item) => {
      const body = normaliseContactInput(item as ContactInput, '');
      const match = body.external_id !== undefined && body.external_id !== null ? byExternalId.get(body.external_id) : byPhone.get(body.phone ?? '');
      fence.refuse({ contactIds: [match?.id], phones: [body.phone, match?.phone], emails: [body.email, match?.email] }, body.phone ? '/phone' : '/external_id');
      await assertUnique(body, match?.id, holderOf);
      if (!match) {
        const contact = insertContact(em, ctx, body);
        index(contact);
        return { status: 201, body: toContactWire(contact) };
      }
      const before = { phone: match.phone, externalId: match.externalId };
      changeContact(em, ctx, match, body);
      if (before.phone && before.phone !== match.phone && byPhone.get(before.phone) === match) byPhone.delete(before.phone);
      if (before.externalId && before.externalId !== match.externalId && byExternalId.get(before.externalId) === match) byExternalId.delete(before.externalId);
      index(match);
      return { status: 200, body: toContactWire(match) };
    };
  },
};

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
      const body: MessageInput = { type: 'template', template_id: item.template_id as string, parameters: item.parameters as string[] | undefined };
      const key = `${contact.id}|${channelId}`;
      const existing = open.get(key);
      if (existing) return { status: 201, body: toMessageWire((await queueMessage(em, ctx, 0, existing, contact, body)).message) };
      // a refused item opens no conversation: the new one is written under a savepoint (after the chunk's earlier
      // items, which must survive a rollback) and rolled back with the refusal
      await em.flush();
      await em.execute('savepoint bulk_item');
      const conversation = newConversation(em, ctx, 0, contact.id, channelId);
      await em.flush();
      try {
        const { message } = await queueMessage(em, ctx, 0, conversation, contact, body);
        open.set(key, conversation);
        return { status: 201, body: toMessageWire(message) };
      } catch (err) {
        await em.execute('rollback to savepoint bulk_item');
        em.getUnitOfWork().unsetIdentity(conversation);
        throw err;
      }
    };
  },
  // one wake per channel that got messages, however many
  async followUps(em, workspaceId, createdIds) {
    const rows = await em.execute<{ channel_id: string }[]>(
      'select distinct channel_id from messages where workspace_id = ? and id in (select jsonb_array_elements_text(?::jsonb)) order by channel_id',
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
addFormats(ajv);
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
