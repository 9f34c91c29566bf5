import { ApplicationFailure } from '@temporalio/common';
import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { EventSchema, WebhookDeliverySchema, WebhookEndpointSchema, type WebhookDelivery, type WebhookEndpoint } from '../db/entities';
import { causeOfEvent, recordEvent, type CommandContext } from '../db/events';
import { toDeliveryWire, toEndpointWire } from '../db/webhooks.queries';
import { webhookHeaders } from '../webhook-signing';
import { postOutbound, type SendOutcome } from '../outbound/sender';
import { webhookPayload } from './webhook-payload';
import { nextSequence } from './webhooks.commands';
import { openSecret } from '../secrets/at-rest';

export interface AttemptResult {
  /** no further attempt: succeeded, dead, or the endpoint is gone */
  done: boolean;
  /** the receiver's Retry-After, bounded; the workflow waits at least this long */
  retryAfterMs: number | null;
}

function disableEndpoint(em: Parameters<typeof recordEvent>[0], ctx: CommandContext, endpoint: WebhookEndpoint, reason: 'gone' | 'failing'): void {
  const previous = { enabled: true, disabled_reason: endpoint.disabledReason };
  endpoint.enabled = false;
  endpoint.disabledReason = reason;
  endpoint.version += 1;
  endpoint.updatedAt = ctx.now;
  recordEvent(em, { ...ctx, seed: `${endpoint.id}:v${endpoint.version}` }, 0, { type: 'webhook_endpoint.disabled', objectType: 'webhook_endpoint', objectId: endpoint.id, sequence: endpoint.version, object: toEndpointWire(endpoint, ctx.now), previousAttributes: previous });
}

const isFinished = (d: WebhookDelivery) => d.status === 'succeeded' || d.status === 'dead';

export function createWebhookActivities(orm: MikroORM) {
  return {
    /** Where this run of the timetable starts: after the attempts a delivery already has (a replay continues the count). */
    async beginWebhookDelivery(input: { deliveryId: string }): Promise<{ firstAttempt: number; scheduleMs: number[] }> {
      const delivery = await orm.em.fork().findOne(WebhookDeliverySchema, { id: input.deliveryId });
      // the command that created it may not have committed yet; Temporal retries
      if (!delivery) throw new Error(`webhook delivery ${input.deliveryId} not found yet`);
      return { firstAttempt: delivery.attemptCount + 1, scheduleMs: config.webhooks.retryScheduleMs };
    },

    /**
     * One attempt. Idempotent per (delivery, attempt): after a crash between the POST and the commit the attempt is
     * sent again, but a recorded attempt is never sent twice.
     */
    async attemptWebhookDelivery(input: { deliveryId: string; attempt: number; final: boolean; nextDelayMs: number }): Promise<AttemptResult> {
      const em = orm.em.fork();
      const delivery = await em.findOne(WebhookDeliverySchema, { id: input.deliveryId });
      if (!delivery) throw ApplicationFailure.nonRetryable(`no webhook delivery ${input.deliveryId}`, 'delivery_missing');
      // a retry of an attempt that already committed, or of one that found the delivery finished: nothing to send
      if (delivery.attemptCount >= input.attempt || isFinished(delivery)) return { done: isFinished(delivery), retryAfterMs: null };
      const endpoint = await em.findOneOrFail(WebhookEndpointSchema, { id: delivery.endpoint });
      const event = await em.findOneOrFail(EventSchema, { id: delivery.event });
      const now = new Date();
      let outcome: SendOutcome | null = null;
      if (endpoint.enabled && !endpoint.deletedAt) {
        const body = await webhookPayload(orm, endpoint, delivery, event, input.attempt);
        const secrets = [endpoint.secret, ...(endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now ? [endpoint.previousSecret] : [])].map(openSecret);
        const headers = { 'user-agent': 'SabNode-Webhooks/1', ...webhookHeaders(secrets, delivery.id, Math.floor(Date.now() / 1000), body) };
        // an attempt keeps the first 4 KB of the answer (WebhookAttempt.response_body)
        outcome = await postOutbound(endpoint.url, { headers, body, timeoutMs: config.webhooks.attemptTimeoutMs, maxResponseBytes: 4096 });
      }
      return orm.em.fork().transactional(async (tx) => {
        const d = await tx.findOneOrFail(WebhookDeliverySchema, { id: input.deliveryId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (d.attemptCount >= input.attempt || isFinished(d)) return { done: isFinished(d), retryAfterMs: null };
        const ep = await tx.findOneOrFail(WebhookEndpointSchema, { id: d.endpoint }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const at = new Date();
        // what a delivery causes (its endpoint disabled, its death) follows from the event it delivers
        const ctx: CommandContext = { workspaceId: d.workspace, requestId: null, seed: `${d.id}:${input.attempt}`, now: at, cause: causeOfEvent(event, 'webhook_delivery', d.id) };
        d.updatedAt = at;
        if (!outcome) {
          // disabled or deleted since the event: nothing is sent and nothing more will be
          await markDead(tx, ctx, d);
          return { done: true, retryAfterMs: null };
        }
        await tx.getConnection().execute(
          `insert into webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, response_headers, response_body, error_code, error_message)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
          [d.id, input.attempt, at, outcome.durationMs, outcome.statusCode, outcome.headers ? JSON.stringify(outcome.headers) : null, outcome.body, outcome.error?.code ?? (outcome.statusCode && (outcome.statusCode < 200 || outcome.statusCode > 299) ? 'http_status' : null), outcome.error?.message ?? (outcome.statusCode && (outcome.statusCode < 200 || outcome.statusCode > 299) ? `HTTP ${outcome.statusCode}` : null)],
          'run',
          tx.getTransactionContext(),
        );
        d.attemptCount = input.attempt;
        d.lastAttemptAt = at;
        const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
        if (ok) {
          d.status = 'succeeded';
          d.nextAttemptAt = null;
          ep.failingSince = null;
          await tx.flush();
          return { done: true, retryAfterMs: null };
        }
        ep.failingSince ??= at;
        if (outcome.statusCode === 410) {
          if (ep.enabled) disableEndpoint(tx, ctx, ep, 'gone');
          await markDead(tx, ctx, d);
          return { done: true, retryAfterMs: null };
        }
        if (ep.enabled && at.getTime() - ep.failingSince.getTime() >= config.webhooks.disableAfterFailingMs) {
          disableEndpoint(tx, ctx, ep, 'failing');
          await markDead(tx, ctx, d);
          return { done: true, retryAfterMs: null };
        }
        if (input.final) {
          await markDead(tx, ctx, d);
          return { done: true, retryAfterMs: null };
        }
        const retryAfter = outcome.retryAfterMs === null ? null : Math.min(outcome.retryAfterMs, config.webhooks.retryAfterMaxMs);
        d.status = 'failed';
        d.nextAttemptAt = new Date(at.getTime() + Math.max(input.nextDelayMs, retryAfter ?? 0));
        await tx.flush();
        return { done: false, retryAfterMs: retryAfter };
      });
    },
  };
}

async function markDead(tx: Parameters<typeof recordEvent>[0], ctx: CommandContext, d: WebhookDelivery): Promise<void> {
  d.status = 'dead';
  d.nextAttemptAt = null;
  const sequence = await nextSequence(tx, d.id);
  recordEvent(tx, { ...ctx, seed: `${d.id}:dead:${sequence}` }, 0, { type: 'webhook_delivery.dead', objectType: 'webhook_delivery', objectId: d.id, sequence, object: toDeliveryWire(d) });
  await tx.flush();
}
