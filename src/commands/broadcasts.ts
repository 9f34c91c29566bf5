import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { DriverException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import {
  BROADCAST_COLUMNS,
  broadcastCounts,
  hydrateBroadcast,
  toBroadcastWire,
  type Audience,
  type AudienceFilter,
  type Broadcast,
  type BroadcastStatus,
  type PauseReason,
} from '../db/broadcasts.queries';
import { findChannel } from '../db/messaging.queries';
import { reserveRecipients } from '../channels/number-health';
import { ChannelSchema, TemplateSchema, type Conversation, type EventRecord, type FollowUp, type Message } from '../db/entities';
import { lockSendableContacts } from '../db/contacts.queries';
import { insertConversations, insertMessages, openConversationsOf } from '../db/messaging.queries';
import { insertEvents, recordEvent, type CommandContext, type EventCause } from '../db/events';
import { normaliseTagName } from '../db/tags.queries';
import { holdFence } from '../privacy/fence';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import { wakeFollowUp } from '../engine/temporal';
import { channelSenderFollowUp } from '../channels/names';
import { fillTemplate, headerMediaOf, type TemplateSendInput } from './template-body';
import type { CommandResponse } from './types';
import { IN_STEP_PAUSE_MAX_MS, type StepBroadcastInput } from '../engine/types';
import { conversationRecordOf, isOptedOut, prepareMessage, refuseUnapprovedTemplate, requireSendableFile } from './messaging';
import type { RequestBody } from '../types/wire';

type Params = Record<string, string>;


export const DEFAULT_RATE_PER_SECOND = 50;
// how often a broadcast whose recipients are all messaged looks whether their channel's sender has handed them over
const HANDOVER_RECHECK_MS = 1000;

/** What a broadcast's batches write is caused by the broadcast; only integrators start broadcasts, so at depth 0. */
const broadcastCause = (id: string): EventCause => ({ type: 'broadcast', id, depth: 0, flows: [] });

/** The orchestration workflow of a broadcast: one per broadcast, so a second start starts nothing. */
export const broadcastWorkflowId = (workspaceId: string, broadcastId: string) => `${workspaceId}/broadcast/${broadcastId}`;

async function lockedBroadcast(em: EntityManager, workspaceId: string, id: string): Promise<Broadcast | null> {
  const rows = await em.execute<Broadcast[]>(`select ${BROADCAST_COLUMNS} from broadcasts where workspace_id = ? and id = ? for update`, [workspaceId, id]);
  return rows[0] ? hydrateBroadcast(rows[0]) : null;
}

async function saveBroadcast(em: EntityManager, b: Broadcast): Promise<void> {
  await em.execute(
    `update broadcasts set status = ?, pause_reason = ?, resumes_at = ?, total = ?, version = ?, updated_at = ?, started_at = ?, completed_at = ?, cancelled_at = ? where id = ?`,
    [b.status, b.pauseReason, b.resumesAt, b.total, b.version, b.updatedAt, b.startedAt, b.completedAt, b.cancelledAt, b.id],
  );
}

/**
 * Moves the broadcast to `status`, stamps it and records `broadcast.<event>` with the counts as they now stand. A
 * pause says why (and, paused by the recipient budget, when it resumes); any other status clears both.
 */
async function transition(
  em: EntityManager,
  ctx: CommandContext,
  b: Broadcast,
  status: BroadcastStatus,
  event: 'scheduled' | 'started' | 'paused' | 'resumed' | 'completed' | 'cancelled',
  pause: { reason: PauseReason; resumesAt: Date | null } | null = null,
) {
  const previous: Record<string, unknown> = { status: b.status };
  const reason = status === 'paused' ? (pause?.reason ?? 'requested') : null;
  if (reason !== b.pauseReason) previous.pause_reason = b.pauseReason;
  b.pauseReason = reason;
  b.resumesAt = status === 'paused' ? (pause?.resumesAt ?? null) : null;
  b.status = status;
  b.version += 1;
  b.updatedAt = ctx.now;
  await saveBroadcast(em, b);
  const wire = toBroadcastWire(b, await broadcastCounts(em, b.id));
  recordEvent(em, ctx, 0, { type: `broadcast.${event}`, objectType: 'broadcast', objectId: b.id, sequence: b.version, object: wire, previousAttributes: previous });
  await em.flush();
  return wire;
}

/** What every recipient's template message is filled with: the broadcast's positional parameters and its other values. */
function sendInputOf(b: Broadcast): TemplateSendInput {
  return { parameters: b.parameters, ...(b.templateArguments ?? {}) };
}

export async function createBroadcast(em: EntityManager, ctx: CommandContext, _p: Params, body: RequestBody<'createBroadcast'>): Promise<CommandResponse> {
  const channel = await em.findOne(ChannelSchema, { id: body.channel_id, workspace: ctx.workspaceId });
  if (!channel) {
    throw new ApiError('channel_not_found', `No such channel: '${body.channel_id}'`, { errors: [{ pointer: '/channel_id', code: 'channel_not_found', message: 'No such channel' }] });
  }
  const template = await em.findOne(TemplateSchema, { id: body.template_id, workspace: ctx.workspaceId, deletedAt: null });
  if (!template) {
    throw new ApiError('template_not_found', `No such template: '${body.template_id}'`, { errors: [{ pointer: '/template_id', code: 'template_not_found', message: 'No such template' }] });
  }
  // the same checks every recipient's message would meet, made once up front
  await refuseUnapprovedTemplate(em, template, channel);
  const { templateArguments } = fillTemplate(template, body);
  if (body.header_file_id !== undefined) await requireSendableFile(em, ctx.workspaceId, channel, body.header_file_id, '/header_file_id', headerMediaOf(template));
  const audience: Audience =
    'tag' in body.audience
      ? { tag: normaliseTagName(body.audience.tag) }
      : 'filter' in body.audience
        ? { filter: { ...body.audience.filter, ...(body.audience.filter.tags ? { tags: body.audience.filter.tags.map(normaliseTagName) } : {}) } }
        : body.audience;
  const b: Broadcast = {
    id: idFromSeed('brd', ctx.seed),
    workspace: ctx.workspaceId,
    name: body.name,
    channelId: body.channel_id,
    templateId: body.template_id,
    parameters: body.parameters ?? [],
    templateArguments,
    audience,
    status: 'draft',
    pauseReason: null,
    resumesAt: null,
    scheduledAt: body.scheduled_at ? new Date(body.scheduled_at) : null,
    ratePerSecond: body.rate_per_second ?? DEFAULT_RATE_PER_SECOND,
    total: null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
  };
  await em.execute(
    `insert into broadcasts (id, workspace_id, name, channel_id, template_id, parameters, template_arguments, audience, status, scheduled_at, rate_per_second, total, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, null, 1, ?, ?)`,
    [b.id, b.workspace, b.name, b.channelId, b.templateId, JSON.stringify(b.parameters), b.templateArguments ? JSON.stringify(b.templateArguments) : null, JSON.stringify(b.audience), b.status, b.scheduledAt, b.ratePerSecond, b.createdAt, b.updatedAt],
  );
  const wire = toBroadcastWire(b, null);
  recordEvent(em, ctx, 0, { type: 'broadcast.created', objectType: 'broadcast', objectId: b.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire };
}

// which statuses each command moves a broadcast from; anything else is 422 (as for orders)
const MOVES = {
  send: ['draft'],
  pause: ['scheduled', 'sending'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
} as const satisfies Record<string, readonly BroadcastStatus[]>;

async function broadcastFor(em: EntityManager, ctx: CommandContext, params: Params, move: keyof typeof MOVES): Promise<Broadcast> {
  const b = await lockedBroadcast(em, ctx.workspaceId, params.broadcast_id);
  if (!b) throw new ApiError('resource_missing', `No such broadcast: '${params.broadcast_id}'`);
  if (!(MOVES[move] as readonly string[]).includes(b.status)) {
    throw new ApiError('broadcast_invalid_transition', `A ${b.status} broadcast cannot ${move}; ${move} applies to ${MOVES[move].join(', ')} broadcasts`);
  }
  return b;
}

/** The running workflow re-reads the broadcast at once instead of at its next check. */
function wake(workspaceId: string, broadcastId: string, seed: string): FollowUp {
  return { workflowType: 'wakeBroadcast', workflowId: `${broadcastWorkflowId(workspaceId, broadcastId)}/wake/${seed}`, args: [{ workflowId: broadcastWorkflowId(workspaceId, broadcastId) }] };
}

export async function sendBroadcast(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const b = await broadcastFor(em, ctx, params, 'send');
  const wire = await transition(em, ctx, b, 'scheduled', 'scheduled');
  const run: FollowUp = { workflowType: 'runBroadcast', workflowId: broadcastWorkflowId(ctx.workspaceId, b.id), args: [{ workspaceId: ctx.workspaceId, broadcastId: b.id }] };
  return { status: 202, body: wire, followUps: [run] };
}

export async function pauseBroadcast(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const b = await broadcastFor(em, ctx, params, 'pause');
  const wire = await transition(em, ctx, b, 'paused', 'paused');
  return { status: 200, body: wire, followUps: [wake(ctx.workspaceId, b.id, ctx.seed)] };
}

export async function resumeBroadcast(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const b = await broadcastFor(em, ctx, params, 'resume');
  const wire = await transition(em, ctx, b, b.startedAt ? 'sending' : 'scheduled', 'resumed');
  return { status: 200, body: wire, followUps: [wake(ctx.workspaceId, b.id, ctx.seed)] };
}

export async function cancelBroadcast(em: EntityManager, ctx: CommandContext, params: Params): Promise<CommandResponse> {
  const b = await broadcastFor(em, ctx, params, 'cancel');
  const wasRunning = b.status !== 'draft';
  // the broadcast row is locked, so no batch is between reading its recipients and recording them
  await em.execute(`update broadcast_recipients set state = 'cancelled', updated_at = ? where broadcast_id = ? and state = 'pending'`, [ctx.now, b.id]);
  b.cancelledAt = ctx.now;
  const wire = await transition(em, ctx, b, 'cancelled', 'cancelled');
  return { status: 200, body: wire, followUps: wasRunning ? [wake(ctx.workspaceId, b.id, ctx.seed)] : [] };
}

function filterSql(workspaceId: string, f: AudienceFilter): [string, unknown[]] {
  const where = ['c.workspace_id = ?', 'c.deleted_at is null'];
  const params: unknown[] = [workspaceId];
  if (f.attributes && Object.keys(f.attributes).length) {
    where.push('c.attributes @> ?::jsonb');
    params.push(JSON.stringify(f.attributes));
  }
  if (f.tags?.length) {
    where.push('c.tags @> array(select jsonb_array_elements_text(?::jsonb))');
    params.push(JSON.stringify(f.tags));
  }
  const optedIn = 'c.opted_in_at is not null and (c.opted_out_at is null or c.opted_out_at <= c.opted_in_at)';
  if (f.opted_in === true) where.push(`(${optedIn})`);
  if (f.opted_in === false) where.push(`not (${optedIn})`);
  return [where.join(' and '), params];
}

/** Writes one recipient row per contact of the audience, numbered in a stable order. Ids that name no live contact are skipped. */
async function snapshotAudience(em: EntityManager, b: Broadcast, now: Date): Promise<number> {
  const insert = 'insert into broadcast_recipients (broadcast_id, seq, workspace_id, contact_id, state, skip_reason, created_at, updated_at)';
  if ('contact_ids' in b.audience) {
    await em.execute(
      `${insert}
       select ?, x.ord, ?, x.id, case when c.id is null then 'skipped' else 'pending' end, case when c.id is null then 'contact_not_found' end, ?, ?
         from (select id, min(ord) as ord from jsonb_array_elements_text(?::jsonb) with ordinality as t(id, ord) group by id) x
         left join contacts c on c.workspace_id = ? and c.id = x.id collate "C" and c.deleted_at is null`,
      [b.id, b.workspace, now, now, JSON.stringify(b.audience.contact_ids), b.workspace],
    );
  } else {
    const [where, params] = 'tag' in b.audience ? filterSql(b.workspace, { tags: [b.audience.tag] }) : filterSql(b.workspace, b.audience.filter);
    await em.execute(
      `${insert} select ?, row_number() over (order by c.id), c.workspace_id, c.id, 'pending', null, ?, ? from contacts c where ${where}`,
      [b.id, now, now, ...params],
    );
  }
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from broadcast_recipients where broadcast_id = ?', [b.id]);
  return Number(n);
}

export type BroadcastStep =
  /** nothing more to do: completed or cancelled */
  | { kind: 'done' }
  /** paused (wait for a wake, null), scheduled for later, or its messages still queued for the channel (wait that long) */
  | { kind: 'wait'; waitMs: number | null }
  /** a batch went out: `messages` were queued (their deliveries are still to start), and the next batch waits intervalMs from this one's start */
  | { kind: 'batch'; messages: number; intervalMs: number };

interface RecipientResult {
  seq: number;
  state: 'messaged' | 'skipped';
  message_id: string | null;
  skip_reason: string | null;
}

/**
 * Queues one message per recipient with prepareMessage, the checks and rows of createMessage and the bulk send, with
 * the refusals a recipient can meet (gone, no phone, opted out, template) checked first; the batch's new
 * conversations, messages and events are then written in one statement each, not through a unit of work. Contacts are
 * locked in id order, as the other senders lock them, so no concurrent send opens a second conversation. Ids derive
 * from (broadcast, contact): even a second run could not make a second message.
 */
async function queueBatch(
  em: EntityManager,
  b: Broadcast,
  batch: { seq: number; contact_id: string }[],
  now: Date,
  heartbeat: () => void,
): Promise<{ results: RecipientResult[]; resumesAt: Date | null }> {
  const fence = await holdFence(em, b.workspace);
  const contacts = new Map((await lockSendableContacts(em, b.workspace, batch.map((r) => r.contact_id))).map((c) => [c.id, c]));
  const channel = await findChannel(em, b.channelId, b.workspace);
  // the template and its parameters are the same for every recipient: checked once per batch
  let refusal: string | null = null;
  const template = await em.findOne(TemplateSchema, { id: b.templateId, workspace: b.workspace, deletedAt: null });
  if (!channel) refusal = 'channel_not_found';
  else if (!template) refusal = 'template_not_found';
  else {
    try {
      // WhatsApp may pause the template while the broadcast sends
      await refuseUnapprovedTemplate(em, template, channel);
      fillTemplate(template, sendInputOf(b));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      refusal = err.code;
    }
  }
  // the channel's daily recipient budget, counted under its lock after the contacts' (the order single sends take
  // them in): recipients past it stay pending, in order; those who will be skipped anyway cost nothing
  const sendable = refusal ? [] : batch.filter((r) => contacts.has(r.contact_id)).map((r) => r.contact_id);
  const budget = channel && sendable.length ? await reserveRecipients(em, channel, sendable, now) : null;
  const allowed = new Set(budget?.allowed ?? sendable);
  const rows = batch.filter((r) => refusal || !contacts.has(r.contact_id) || allowed.has(r.contact_id));
  const open = new Map((await openConversationsOf(em, b.workspace, b.channelId, [...contacts.keys()])).map((c) => [c.contact, c]));
  const results: RecipientResult[] = [];
  const skip = (seq: number, reason: string) => results.push({ seq, state: 'skipped', message_id: null, skip_reason: reason });
  const conversations: Conversation[] = [];
  const messages: Message[] = [];
  const events: EventRecord[] = [];
  for (const row of rows) {
    const contact = contacts.get(row.contact_id);
    if (refusal) skip(row.seq, refusal);
    else if (!contact) skip(row.seq, 'contact_not_found');
    else if (fence.isFenced({ contactIds: [contact.id] })) skip(row.seq, 'subject_being_purged');
    else if (!contact.phone) skip(row.seq, 'contact_without_phone');
    else if (isOptedOut(contact)) skip(row.seq, 'contact_opted_out');
    else {
      const ctx: CommandContext = { workspaceId: b.workspace, requestId: null, seed: `${b.id}:${contact.id}`, now, cause: broadcastCause(b.id) };
      const existing = open.get(contact.id);
      const opened = existing ? null : conversationRecordOf(ctx, 0, contact.id, b.channelId);
      try {
        const queued = await prepareMessage(em, ctx, 0, existing ?? opened!.conversation, contact, { type: 'template', template_id: b.templateId, ...sendInputOf(b) });
        if (opened) {
          conversations.push(opened.conversation);
          events.push(opened.event);
        }
        messages.push(queued.message);
        events.push(queued.event);
        results.push({ seq: row.seq, state: 'messaged', message_id: queued.message.id, skip_reason: null });
      } catch (err) {
        // a refusal the checks above did not foresee: the recipient is skipped, and no conversation is opened for it
        if (!(err instanceof ApiError) || err.status >= 500) throw err;
        skip(row.seq, err.code);
      }
    }
  }
  heartbeat();
  // conversations before the messages that name them, then every event of the batch
  await insertConversations(em, conversations);
  await insertMessages(em, messages);
  await insertEvents(em, events);
  return { results, resumesAt: budget?.resumesAt ?? null };
}

/**
 * One step of a broadcast, in one transaction under the broadcast's row lock: start it when its time has come
 * (snapshot the audience), or send its next batch, or complete it. `batch` numbers the workflow's batches: rows are
 * stamped with it, so a retry of a batch that committed returns that batch's messages and sends no other.
 */
export async function stepBroadcast(orm: MikroORM, input: StepBroadcastInput, heartbeat: () => void): Promise<BroadcastStep> {
  // the pace between batches, when it is short: waited here, before the transaction (see StepBroadcastInput.notBefore)
  const pause = Math.min((input.notBefore ?? 0) - Date.now(), IN_STEP_PAUSE_MAX_MS);
  if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  return orm.em.fork().transactional(async (em) => {
    // the purge fence's shared lock before the broadcast's row locks
    await holdFence(em, input.workspaceId);
    const b = await lockedBroadcast(em, input.workspaceId, input.broadcastId);
    if (!b) throw ApplicationFailure.nonRetryable(`no broadcast ${input.broadcastId}`, 'broadcast_missing');
    const now = new Date();
    const ctx = (what: string): CommandContext => ({ workspaceId: b.workspace, requestId: null, seed: `${b.id}:${what}`, now, cause: broadcastCause(b.id) });
    const done = await em.execute<{ message_id: string | null }[]>('select message_id from broadcast_recipients where broadcast_id = ? and batch = ?', [b.id, input.batch]);
    if (done.length) {
      return { kind: 'batch', messages: done.filter((r) => r.message_id).length, intervalMs: (done.length * 1000) / b.ratePerSecond };
    }
    switch (b.status) {
      case 'draft':
      case 'completed':
      case 'cancelled':
        return { kind: 'done' };
      case 'paused': {
        // paused on request: until a resume wakes it; by the recipient budget: until the window allows
        if (b.pauseReason !== 'daily_recipient_budget') return { kind: 'wait', waitMs: null };
        if (b.resumesAt && b.resumesAt > now) return { kind: 'wait', waitMs: b.resumesAt.getTime() - now.getTime() };
        await transition(em, ctx(`resumed:${b.version}`), b, 'sending', 'resumed');
        break;
      }
      case 'scheduled': {
        if (b.scheduledAt && b.scheduledAt > now) return { kind: 'wait', waitMs: b.scheduledAt.getTime() - now.getTime() };
        b.total = await snapshotAudience(em, b, now);
        b.startedAt = now;
        await transition(em, ctx('started'), b, 'sending', 'started');
        return { kind: 'batch', messages: 0, intervalMs: 0 };
      }
      case 'sending':
        break;
    }
    const size = Math.min(b.ratePerSecond, config.broadcastBatchMax);
    const rows = await em.execute<{ seq: number; contact_id: string }[]>(
      `select seq, contact_id from broadcast_recipients where broadcast_id = ? and state = 'pending' order by seq limit ? for update`,
      [b.id, size],
    );
    if (!rows.length) {
      // every recipient is messaged or skipped; complete once every message left the queue (handed over or failed)
      const [queued] = await em.execute<{ n: string }[]>(
        `select count(*) as n from broadcast_recipients r join messages m on m.id = r.message_id
          where r.broadcast_id = ? and m.workspace_id = ? and m.status = 'queued'`,
        [b.id, b.workspace],
      );
      if (Number(queued.n) > 0) return { kind: 'wait', waitMs: HANDOVER_RECHECK_MS };
      b.completedAt = now;
      await transition(em, ctx('completed'), b, 'completed', 'completed');
      return { kind: 'done' };
    }
    heartbeat();
    const { results, resumesAt } = await queueBatch(em, b, rows, now, heartbeat);
    b.updatedAt = now;
    try {
      await em.flush();
      await em.execute(
        `update broadcast_recipients r set state = x.state, message_id = x.message_id, skip_reason = x.skip_reason, batch = ?, updated_at = ?
           from jsonb_to_recordset(?::jsonb) as x(seq int, state text, message_id text, skip_reason text)
          where r.broadcast_id = ? and r.seq = x.seq`,
        [input.batch, now, JSON.stringify(results), b.id],
      );
      await em.execute('update broadcasts set updated_at = ? where id = ?', [now, b.id]);
      // the channel's daily recipient budget held some back (still pending): paused until the window allows them
      if (resumesAt) await transition(em, ctx(`paused:${b.version}`), b, 'paused', 'paused', { reason: 'daily_recipient_budget', resumesAt });
    } catch (err) {
      // transient (a concurrent send opened a conversation, a deadlock): nothing of the batch committed; Temporal retries it
      if (err instanceof DriverException) throw new Error(`broadcast batch failed: ${err.name} (${(err as DriverException & { code?: string }).code ?? 'no code'})`);
      throw err;
    }
    heartbeat();
    if (resumesAt && !results.length) return { kind: 'wait', waitMs: Math.max(1, resumesAt.getTime() - now.getTime()) };
    return { kind: 'batch', messages: results.filter((r) => r.message_id).length, intervalMs: (results.length * 1000) / b.ratePerSecond };
  });
}

/**
 * Wakes the channel sender for a batch that has committed, from an activity (signal-with-start is a client call):
 * the sender hands over every queued message of the channel at its rate, this batch's with them. One wake per batch.
 */
export async function wakeBatchSender(orm: MikroORM, client: Client | undefined, input: { workspaceId: string; broadcastId: string; batch: number }): Promise<number> {
  if (!client) throw ApplicationFailure.nonRetryable('the worker was started without a Temporal client for broadcasts', 'worker_misconfigured');
  const [row] = await orm.em.getConnection().execute<{ channel_id: string; n: string }[]>(
    `select b.channel_id, (select count(*) from broadcast_recipients r where r.broadcast_id = b.id and r.batch = ? and r.message_id is not null) as n
       from broadcasts b where b.workspace_id = ? and b.id = ?`,
    [input.batch, input.workspaceId, input.broadcastId],
  );
  if (!row) return 0;
  const sender = channelSenderFollowUp(input.workspaceId, row.channel_id);
  await wakeFollowUp(client, sender, input.workspaceId);
  return Number(row.n);
}
