import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { config } from '../config';
import { settledEventsAfter, settledHorizon, streamPositionOf, toEventWire, workspacesWithEventsBetween, type StreamPosition } from '../db/events';
import { ApiError } from '../errors';
import { loggableError } from '../db/driver-errors';
import { logger } from '../logger';
import type { AuthContext } from './context';

// GET /v1/events/stream.
//
// Resume position: events are streamed in (txid, id) order, txid being the writing transaction's id, and only below
// the settled horizon pg_snapshot_xmin(pg_current_snapshot()), under which every transaction has finished. An event
// therefore never shows up behind a position a client already holds, however commits interleave: a reconnect with
// Last-Event-ID loses and repeats nothing. created_at cannot do this (it is set before a commit that may land later),
// and a per-workspace counter would serialise every command of a workspace on one row. The price: a long transaction
// anywhere in the cluster holds the horizon back and delays (never drops) events.
//
// Polling: one hub per API process asks PostgreSQL every poll interval which workspaces got events below the new
// horizon (one indexed query, however many streams are open) and wakes only their streams, which then read from
// their own positions, a few at a time. No LISTEN connection or per-resource NOTIFY is needed.

export interface StreamSettings {
  pollMs: number;
  heartbeatMs: number;
  perKey: number;
  perWorkspace: number;
}

export interface StreamRequest {
  lastEventId?: string;
  types: string[];
}

/** Starts a stream once the response head is written (HandlerResult.eventStream). */
export type StreamStarter = (res: Response, render: (body: unknown) => Promise<unknown>) => void;

interface Subscriber {
  leaseId: string;
  workspaceId: string;
  types: string[];
  res: Response;
  /** resolves once the body's PII-read audit record, if any, has committed */
  render: (body: unknown) => Promise<unknown>;
  position: StreamPosition;
  /** the highest settled horizon it was woken for, and the one it has read up to */
  target: bigint;
  reached: bigint;
  pumping: boolean;
  closed: boolean;
}

const BATCH = 200;
// streams reading at once per process, so a burst of events cannot take the whole connection pool
const CONCURRENT_READS = 4;
const RECONNECT_HINT_MS = 2_000;

/** A tiny semaphore. */
class Slots {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

const ACQUIRE_LEASE_SQL = `
  insert into event_stream_leases (id, key_id, workspace_id, started_at, seen_at)
  select ?, ?, ?, now(), now()
  where (select count(*) from event_stream_leases where key_id = ?) < ? and (select count(*) from event_stream_leases where workspace_id = ?) < ?
  returning id`;

// a lease lives while its key does: a revoked or expired key's streams end at the next heartbeat
const RENEW_LEASES_SQL = `
  update event_stream_leases l set seen_at = now() from api_keys k
  where l.id = any(array[?]::uuid[]) and k.id = l.key_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
  returning l.id`;

export class EventStreams {
  private readonly subs = new Set<Subscriber>();
  private readonly reads = new Slots(CONCURRENT_READS);
  /** the horizon up to which every open stream has been woken; null when the hub was idle */
  private lastHorizon: bigint | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly heartbeatTimer: NodeJS.Timeout;
  private readonly releases = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: StreamSettings = {
      pollMs: config.eventStreamPollMs,
      heartbeatMs: config.eventStreamHeartbeatMs,
      perKey: config.eventStreamsPerKey,
      perWorkspace: config.eventStreamsPerWorkspace,
    },
  ) {
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), settings.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  // a slot outlives a few missed renewals (a stalled event loop must not drop healthy streams); a crashed
  // process's slots lapse after it
  private get leaseTtlSeconds(): number {
    return Math.max(3 * this.settings.heartbeatMs, 30_000) / 1000;
  }

  /** Checks the request and takes a stream slot; every refusal happens here, before the response head. */
  async open(auth: AuthContext, req: StreamRequest): Promise<StreamStarter> {
    const em = this.orm.em.fork();
    let position: StreamPosition | null = null;
    if (req.lastEventId) {
      position = await streamPositionOf(em, auth.workspaceId, req.lastEventId);
      if (!position) {
        throw new ApiError('last_event_id_unknown', `No event '${req.lastEventId}' in this workspace to resume after`, {
          errors: [{ pointer: '/header/Last-Event-ID', code: 'last_event_id_unknown', message: 'Unknown event id' }],
        });
      }
    }
    const leaseId = await this.acquireLease(auth);
    // read before the head goes out: anything the client writes once it sees the head lies above this horizon
    const start = BigInt(await settledHorizon(em).catch(async (err: unknown) => {
      await this.releaseLease(leaseId);
      throw err;
    }));
    const from = position ?? { txid: start.toString(), id: '' };
    return (res, render) => this.attach({
      leaseId,
      workspaceId: auth.workspaceId,
      types: req.types,
      res,
      render,
      position: from,
      target: start,
      reached: position ? 0n : start,
      pumping: false,
      closed: false,
    });
  }

  private attach(s: Subscriber): void {
    this.subs.add(s);
    s.res.on('close', () => this.end(s));
    if (s.res.destroyed || this.closing) return this.end(s);
    s.res.socket?.setNoDelay(true);
    s.res.write(`retry: ${RECONNECT_HINT_MS}\n\n`);
    // polls before this registration woke streams up to lastHorizon; later ones wake this one too
    this.wake(s, this.lastHorizon !== null && this.lastHorizon > s.target ? this.lastHorizon : s.target);
    this.schedulePoll();
  }

  private wake(s: Subscriber, horizon: bigint): void {
    if (horizon > s.target) s.target = horizon;
    if (s.pumping || s.closed || s.reached >= s.target) return;
    s.pumping = true;
    this.pump(s)
      .catch((err: Error) => {
        // the client reconnects with Last-Event-ID and loses nothing
        logger.warn({ workspace_id: s.workspaceId, error: loggableError(err).message }, 'event stream ended on a read failure');
        this.end(s);
      })
      .finally(() => {
        s.pumping = false;
        if (!s.closed && s.reached < s.target) this.wake(s, s.target);
      });
  }

  /** Sends everything between the stream's position and its target horizon. */
  private async pump(s: Subscriber): Promise<void> {
    while (!s.closed && s.reached < s.target) {
      const horizon = s.target;
      for (;;) {
        const rows = await this.reads.run(() => settledEventsAfter(this.orm.em.fork(), s.workspaceId, s.position, horizon.toString(), s.types, BATCH));
        let flowing = true;
        // like a REST read, nothing with personal data goes out before its audit record has committed (the records
        // of a batch share one insert); a failed record ends the stream, to be resumed with Last-Event-ID
        const bodies = await Promise.all(rows.map((row) => s.render(toEventWire(row))));
        for (const [i, row] of rows.entries()) {
          if (s.closed) return;
          flowing = s.res.write(`id: ${row.id}\nevent: ${row.type}\ndata: ${JSON.stringify(bodies[i])}\n\n`);
          s.position = { txid: row.txid, id: row.id };
        }
        if (!flowing) await drained(s.res);
        if (rows.length < BATCH) break;
      }
      // everything below the horizon was sent or filtered out; the next read starts there
      if (BigInt(s.position.txid) < horizon) s.position = { txid: horizon.toString(), id: '' };
      s.reached = horizon;
    }
  }

  private schedulePoll(): void {
    if (this.pollTimer || this.closing || !this.subs.size) return;
    this.pollTimer = setTimeout(() => {
      this.poll()
        .catch((err: Error) => logger.warn({ error: loggableError(err).message }, 'event stream poll failed'))
        .finally(() => {
          this.pollTimer = null;
          this.schedulePoll();
        });
    }, this.settings.pollMs);
  }

  private async poll(): Promise<void> {
    if (!this.subs.size) {
      this.lastHorizon = null;
      return;
    }
    const em = this.orm.em.fork();
    const horizon = BigInt(await settledHorizon(em));
    const from = this.lastHorizon;
    if (from !== null && horizon <= from) return;
    const busy = from === null ? null : new Set(await workspacesWithEventsBetween(em, from.toString(), horizon.toString()));
    // advancing the horizon and waking streams happen together, so a stream that registers meanwhile misses nothing
    this.lastHorizon = horizon;
    for (const s of this.subs) if (!busy || busy.has(s.workspaceId)) this.wake(s, horizon);
  }

  private async heartbeat(): Promise<void> {
    if (!this.subs.size) return;
    for (const s of this.subs) s.res.write(': keep-alive\n\n');
    // only the streams asked about: one that attaches while the renewal runs is not in its answer, yet holds a lease
    const asked = [...this.subs];
    try {
      const live = new Set(
        (await this.orm.em.getConnection().execute<{ id: string }[]>(RENEW_LEASES_SQL, [asked.map((s) => s.leaseId)])).map((r) => r.id),
      );
      for (const s of asked) if (!live.has(s.leaseId)) this.end(s);
      await this.orm.em.getConnection().execute('delete from event_stream_leases where seen_at < now() - make_interval(secs => ?)', [this.leaseTtlSeconds]);
    } catch (err) {
      logger.warn({ error: loggableError(err).message }, 'event stream leases not renewed');
    }
  }

  private async acquireLease(auth: AuthContext): Promise<string> {
    const id = randomUUID();
    const refusal = await this.orm.em.fork().transactional(async (em) => {
      // one workspace's connects queue here, so two cannot both take the last slot of a key or of the workspace
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`event-stream:${auth.workspaceId}`]);
      await em.execute('delete from event_stream_leases where workspace_id = ? and seen_at < now() - make_interval(secs => ?)', [auth.workspaceId, this.leaseTtlSeconds]);
      const rows = await em.execute(ACQUIRE_LEASE_SQL, [id, auth.keyId, auth.workspaceId, auth.keyId, this.settings.perKey, auth.workspaceId, this.settings.perWorkspace]);
      if (rows.length) return null;
      const [held] = await em.execute<{ n: string }[]>('select count(*) as n from event_stream_leases where key_id = ?', [auth.keyId]);
      return Number(held.n) >= this.settings.perKey
        ? `An API key may hold ${this.settings.perKey} event streams open at once; close one first`
        : `A workspace may hold ${this.settings.perWorkspace} event streams open at once, across its keys; close one first`;
    });
    if (refusal) throw new ApiError('stream_limit_reached', refusal, {}, { 'Retry-After': '5' });
    return id;
  }

  private releaseLease(id: string): Promise<void> {
    const p = this.orm.em
      .getConnection()
      .execute('delete from event_stream_leases where id = ?', [id])
      .then(
        () => undefined,
        // a lease left behind lapses after leaseTtlSeconds
        () => undefined,
      );
    this.releases.add(p);
    void p.finally(() => this.releases.delete(p));
    return p;
  }

  private end(s: Subscriber): void {
    if (s.closed) return;
    s.closed = true;
    this.subs.delete(s);
    if (!s.res.writableEnded) s.res.end();
    void this.releaseLease(s.leaseId);
  }

  /** Ends every stream (clients reconnect elsewhere with Last-Event-ID) and frees their slots; for shutdown. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeatTimer);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const s of [...this.subs]) this.end(s);
    await Promise.all([...this.releases]);
  }
}

function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
