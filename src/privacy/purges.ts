import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { CommandContext } from '../db/events';
import { keysetList } from '../db/keyset';
import { toDate } from '../db/timestamps';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import type { ListPage, PageParams } from '../pagination';
import { insertFence, lockFenceExclusive } from './fence';
import { stageNames } from './stores';
import { hashKeyFingerprint, identifierHash, normaliseIdentifier, subjectHashes } from './subject-hash';
import type { PurgeMatchField, PurgeStageName, PurgeSubject } from './types';
import type { Schema } from '../types/wire';

export type StageStatus = 'pending' | 'cleared' | 'waiting';

export interface PurgeStage {
  name: PurgeStageName;
  status: StageStatus;
  cleared_at: string | null;
  /** rows (or histories, or backups) the stage changed */
  cleared: number;
  /** while the stage waits: what for, in a few words ("commands about the subject still running: 2") */
  waiting_for?: string | null;
}

export interface PurgeBackup {
  id: string;
  taken_at: string;
  /** when the backup is clean at the latest: rewritten by then, or expired under the retention */
  due_at: string;
  status: 'pending' | 'cleared' | 'expired' | 'discarded';
  cleared_at: string | null;
}

/** One pass over the PostgreSQL stores: what each store cleared. The purge ends its passes at the first that clears nothing. */
export interface PurgePass {
  pass: number;
  /** rows cleared, by store; a store absent has not run in this pass yet */
  cleared: Record<string, number>;
  started_at: string;
  finished_at: string | null;
}

export interface Purge {
  id: string;
  workspaceId: string;
  matchField: PurgeMatchField;
  subject: PurgeSubject | null;
  subjectHashes: string[];
  /** names the PURGE_HASH_SECRET the hashes were made with (src/privacy/subject-hash.ts) */
  hashKeyFingerprint: string | null;
  previouslyPurged: boolean;
  status: 'running' | 'waiting_for_backups' | 'completed' | 'failed';
  stages: PurgeStage[];
  passes: PurgePass[];
  backups: PurgeBackup[];
  sealedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export type PurgeWire = Schema<'PrivacyPurge'>;

/** Passes over the stores before a purge that still finds the subject gives up and says so (`failed`). */
export const MAX_PURGE_PASSES = 5;

export const purgeWorkflowId = (workspaceId: string, purgeId: string): string => `${workspaceId}/purge/${purgeId}`;

const COLUMNS = `id, workspace_id as "workspaceId", match_field as "matchField", subject, subject_hashes as "subjectHashes",
  hash_key_fingerprint as "hashKeyFingerprint", previously_purged as "previouslyPurged", status, stages, passes, backups, sealed_at as "sealedAt", created_at as "createdAt",
  updated_at as "updatedAt", completed_at as "completedAt"`;

function hydrate(row: Purge): Purge {
  return { ...row, sealedAt: toDate(row.sealedAt), createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), completedAt: toDate(row.completedAt) };
}

export function toPurgeWire(p: Purge): PurgeWire {
  return {
    id: p.id,
    object: 'privacy_purge',
    match: p.matchField,
    status: p.status,
    previously_purged: p.previouslyPurged,
    stages: p.stages.map((s) => ({ ...s, waiting_for: s.waiting_for ?? null })),
    passes: p.passes,
    pending_backups: p.backups.filter((b) => b.status === 'pending'),
    backups: p.backups,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
    completed_at: p.completedAt ? p.completedAt.toISOString() : null,
  };
}

export type PurgeRequest = Partial<Record<PurgeMatchField, string>>;

/**
 * A merge says its contacts are one person. So a purge of any of them is a purge of all: the contacts named, every
 * contact merged into one of them and the contact each was merged into, followed until the group is whole (a merged
 * tombstone keeps its phone and email for this: a purge naming them finds the survivor that holds its data now).
 */
export async function mergeGroupOf(em: EntityManager, workspaceId: string, ids: string[]): Promise<string[]> {
  const group = new Set(ids);
  for (let frontier = [...group]; frontier.length; ) {
    const rows = await em.execute<{ id: string; merged_into: string | null }[]>(
      `select id, merged_into from contacts where workspace_id = ?
         and (id in (select jsonb_array_elements_text(?::jsonb)) or merged_into in (select jsonb_array_elements_text(?::jsonb)))`,
      [workspaceId, JSON.stringify(frontier), JSON.stringify(frontier)],
    );
    frontier = [...new Set(rows.flatMap((r) => [r.id, r.merged_into]).filter((id): id is string => !!id && !group.has(id)))];
    for (const id of frontier) group.add(id);
  }
  return [...group].sort();
}

/** The subject behind a request: the contacts it names and their merge group, with every phone and email they (or the request) carry. */
async function resolveSubject(em: EntityManager, workspaceId: string, field: PurgeMatchField, value: string): Promise<PurgeSubject> {
  // a phone also by its digits: a row the E.164 migration left as written (its E.164 form was taken) is the same person
  const where = field === 'contact_id' ? 'id = ?' : field === 'phone' ? `(phone = ? or regexp_replace(phone, '[^0-9]', '', 'g') = ?)` : 'lower(email) = lower(?)';
  const normalised = normaliseIdentifier(field, value);
  const named = await em.execute<{ id: string }[]>(
    `select id from contacts where workspace_id = ? and ${where} order by id`,
    [workspaceId, normalised, ...(field === 'phone' ? [normalised.replace(/[^0-9]/g, '')] : [])],
  );
  if (field === 'contact_id' && !named.length) throw new ApiError('resource_missing', `No such contact: '${value.slice(0, 64)}'`);
  const contacts = await em.execute<{ id: string; phone: string | null; email: string | null }[]>(
    `select id, phone, email from contacts where workspace_id = ? and id in (select jsonb_array_elements_text(?::jsonb)) order by id for update`,
    [workspaceId, JSON.stringify(await mergeGroupOf(em, workspaceId, named.map((c) => c.id)))],
  );
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    workspaceId,
    contactIds: uniq(contacts.map((c) => c.id)),
    phones: uniq([...contacts.map((c) => c.phone), field === 'phone' ? normaliseIdentifier('phone', value) : null]),
    emails: uniq([...contacts.map((c) => c.email?.toLowerCase() ?? null), field === 'email' ? normaliseIdentifier('email', value) : null]),
  };
}

/**
 * Records a purge: resolves the subject, keeps its identifiers only until the live stores are clear (then only
 * their keyed hashes), and lists every stage as pending. The id derives from the command's seed (a retry writes
 * nothing twice).
 */
export async function insertPurge(em: EntityManager, ctx: Pick<CommandContext, 'workspaceId' | 'seed' | 'now' | 'commandId'>, body: PurgeRequest): Promise<Purge> {
  const id = idFromSeed('prg', ctx.seed);
  const existing = await retrievePurge(em, ctx.workspaceId, id);
  if (existing) return existing;
  const field = (['contact_id', 'phone', 'email'] as const).find((f) => typeof body[f] === 'string')!;
  // the fence first: writers of the workspace in flight commit before the subject is resolved and marked
  await lockFenceExclusive(em, ctx.workspaceId);
  const subject = await resolveSubject(em, ctx.workspaceId, field, body[field]!);
  const hashes = [...new Set([...subjectHashes(subject), identifierHash(ctx.workspaceId, field, body[field]!)])].sort();
  const [previous] = await em.execute<{ n: string }[]>(`select count(*) as n from privacy_purges where workspace_id = ? and subject_hashes && ?::text[]`, [
    ctx.workspaceId,
    `{${hashes.join(',')}}`,
  ]);
  const stages: PurgeStage[] = stageNames().map((name) => ({ name, status: 'pending', cleared_at: null, cleared: 0, waiting_for: null }));
  await em.execute(
    `insert into privacy_purges (id, workspace_id, command_id, match_field, subject, subject_hashes, hash_key_fingerprint, previously_purged, status, stages, backups, created_at, updated_at)
     values (?, ?, ?, ?, ?::jsonb, ?::text[], ?, ?, 'running', ?::jsonb, '[]'::jsonb, ?, ?)`,
    [id, ctx.workspaceId, ctx.commandId ?? null, field, JSON.stringify(subject), `{${hashes.join(',')}}`, hashKeyFingerprint(), Number(previous.n) > 0, JSON.stringify(stages), ctx.now, ctx.now],
  );
  await insertFence(em, ctx.workspaceId, id, hashes, ctx.now);
  return (await retrievePurge(em, ctx.workspaceId, id))!;
}

export async function retrievePurge(em: EntityManager, workspaceId: string, id: string): Promise<Purge | null> {
  const [row] = await em.execute<Purge[]>(`select ${COLUMNS} from privacy_purges where workspace_id = ? and id = ?`, [workspaceId, id]);
  return row ? hydrate(row) : null;
}

export async function findPurge(em: EntityManager, id: string, lock = false): Promise<Purge | null> {
  const [row] = await em.execute<Purge[]>(`select ${COLUMNS} from privacy_purges where id = ?${lock ? ' for update' : ''}`, [id]);
  return row ? hydrate(row) : null;
}

export function listPurges(em: EntityManager, workspaceId: string, page: PageParams): Promise<ListPage<PurgeWire>> {
  return keysetList(em, { list: 'privacy_purges', table: 'privacy_purges', columns: COLUMNS, workspaceId, page, hydrate, toWire: toPurgeWire });
}

/** Every purge of a workspace, as restore and backup rewrites re-apply them. */
export async function purgesOf(em: EntityManager, workspaceId: string): Promise<Purge[]> {
  const rows = await em.execute<Purge[]>(`select ${COLUMNS} from public.privacy_purges where workspace_id = ? order by created_at, id`, [workspaceId]);
  return rows.map(hydrate);
}

/** Runs `change` on the purge row under its lock and writes back what it changed. */
export async function updatePurge(orm: MikroORM, purgeId: string, change: (p: Purge, em: EntityManager) => Promise<void> | void): Promise<Purge> {
  return orm.em.fork().transactional(async (em) => {
    const purge = await findPurge(em, purgeId, true);
    if (!purge) throw new Error(`no purge ${purgeId}`);
    await change(purge, em);
    await em.execute(
      `update privacy_purges set subject = ?::jsonb, status = ?, stages = ?::jsonb, passes = ?::jsonb, backups = ?::jsonb, sealed_at = ?, completed_at = ?, updated_at = now() where id = ?`,
      [purge.subject ? JSON.stringify(purge.subject) : null, purge.status, JSON.stringify(purge.stages), JSON.stringify(purge.passes), JSON.stringify(purge.backups), purge.sealedAt, purge.completedAt, purge.id],
    );
    return purge;
  });
}

export function setStage(purge: Purge, name: string, status: StageStatus, cleared: number, waitingFor?: string): void {
  let stage = purge.stages.find((s) => s.name === name);
  if (!stage) {
    // a stage added since the purge was recorded: it joins the list in its place
    const known = stageNames().find((n) => n === name);
    if (!known) throw new Error(`purge ${purge.id} has no stage ${name}`);
    stage = { name: known, status: 'pending', cleared_at: null, cleared: 0, waiting_for: null };
    purge.stages.push(stage);
    const order = stageNames();
    purge.stages.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }
  stage.status = status;
  stage.cleared += cleared;
  stage.cleared_at = status === 'cleared' ? new Date().toISOString() : null;
  stage.waiting_for = status === 'cleared' ? null : (waitingFor ?? stage.waiting_for ?? null);
}

/** Refused: the purges were made under another PURGE_HASH_SECRET, so their subjects cannot be recognised. */
export class PurgeHashKeyMismatch extends Error {
  readonly code = 'purge_hash_key_mismatch';
  constructor(readonly purgeIds: string[]) {
    super(
      `purge_hash_key_mismatch: PURGE_HASH_SECRET is not the key ${purgeIds.length === 1 ? 'purge' : 'purges'} ${purgeIds.slice(0, 5).join(', ')}${purgeIds.length > 5 ? ', …' : ''} ` +
        'were made with; their subjects would not be recognised and would come back. Set PURGE_HASH_SECRET to the key they were made with.',
    );
    this.name = 'PurgeHashKeyMismatch';
  }
}

/** Throws unless every purge was made with this process's hash key (compared by fingerprint). */
export function assertPurgeHashKey(purges: Purge[]): void {
  const current = hashKeyFingerprint();
  const other = purges.filter((p) => p.hashKeyFingerprint !== current).map((p) => p.id);
  if (other.length) throw new PurgeHashKeyMismatch(other);
}

/**
 * The subject of a purge, found again in a copy of the data (a backup) by the keyed hashes of its identifiers. The
 * workspace's contacts are read in keyset pages, so a large workspace is never held in memory.
 */
export async function subjectByHashes(em: EntityManager, workspaceId: string, hashes: string[]): Promise<PurgeSubject> {
  const wanted = new Set(hashes);
  const subject: PurgeSubject = { workspaceId, contactIds: [], phones: [], emails: [] };
  for (let after = ''; ; ) {
    const contacts = await em.execute<{ id: string; phone: string | null; email: string | null }[]>(
      `select id, phone, email from contacts where workspace_id = ? and id > ? order by id limit 5000`,
      [workspaceId, after],
    );
    if (!contacts.length) break;
    after = contacts[contacts.length - 1].id;
    for (const c of contacts) {
      const hit =
        wanted.has(identifierHash(workspaceId, 'contact_id', c.id)) ||
        (c.phone !== null && wanted.has(identifierHash(workspaceId, 'phone', c.phone))) ||
        (c.email !== null && wanted.has(identifierHash(workspaceId, 'email', c.email)));
      if (!hit) continue;
      subject.contactIds.push(c.id);
    }
  }
  // the merge group of each contact found, as a live purge resolves it
  const group = await mergeGroupOf(em, workspaceId, subject.contactIds);
  subject.contactIds = group;
  for (let i = 0; i < group.length; i += 5000) {
    const rows = await em.execute<{ phone: string | null; email: string | null }[]>(
      `select phone, email from contacts where workspace_id = ? and id in (select jsonb_array_elements_text(?::jsonb))`,
      [workspaceId, JSON.stringify(group.slice(i, i + 5000))],
    );
    for (const c of rows) {
      if (c.phone) subject.phones.push(c.phone);
      if (c.email) subject.emails.push(c.email.toLowerCase());
    }
  }
  subject.phones = [...new Set(subject.phones)];
  subject.emails = [...new Set(subject.emails)];
  return subject;
}
