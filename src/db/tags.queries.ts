import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tag } from './entities';
import type { CommandContext } from './events';
import { toDate } from './timestamps';
import { idFromSeed } from '../ids';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from './keyset';
import type { Schema } from '../types/wire';

/** Tag names are case-insensitive: `VIP` and `vip` are one tag, stored and shown in lower case. */
export function normaliseTagName(name: string): string {
  return name.toLowerCase();
}

export type TagWire = Schema<'Tag'>;

export function toTagWire(t: Tag): TagWire {
  return {
    id: t.id,
    object: 'tag',
    name: t.name,
    contact_count: t.contactCount,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

const COLUMNS = `id, workspace_id as "workspace", name, contact_count as "contactCount", created_at as "createdAt", updated_at as "updatedAt"`;

function hydrate(row: Tag): Tag {
  return { ...row, contactCount: Number(row.contactCount), createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) };
}

export async function retrieveTag(em: EntityManager, workspaceId: string, name: string): Promise<Tag | null> {
  const rows = await em.getConnection().execute<Tag[]>(`select ${COLUMNS} from tags where workspace_id = ? and name = ?`, [workspaceId, name]);
  return rows[0] ? hydrate(rows[0]) : null;
}

export async function listTags(em: EntityManager, workspaceId: string, page: PageParams): Promise<ListPage<TagWire>> {
  return keysetList(em, { list: 'tags', table: 'tags', columns: COLUMNS, workspaceId, page, hydrate, toWire: toTagWire });
}

/**
 * Counts one more live contact for each named tag, creating the tags that do not exist yet. Rows are written in
 * name order, so two commands touching overlapping tags lock them in the same order and cannot deadlock.
 * `created` is true for a tag this command created (its id is the one proposed here).
 */
export async function countTagsOn(em: EntityManager, ctx: CommandContext, names: string[]): Promise<{ tag: Tag; created: boolean }[]> {
  if (!names.length) return [];
  const sorted = [...names].sort();
  const proposed = new Map(sorted.map((name, i) => [name, idFromSeed('tag', ctx.seed, i)]));
  const values = sorted.map(() => '(?, ?, ?, 1, ?, ?)').join(', ');
  const params = sorted.flatMap((name) => [proposed.get(name), ctx.workspaceId, name, ctx.now, ctx.now]);
  const rows = await em.execute<Tag[]>(
    `insert into tags as t (id, workspace_id, name, contact_count, created_at, updated_at) values ${values}
     on conflict (workspace_id, name) do update set contact_count = t.contact_count + 1, updated_at = excluded.updated_at
     returning ${COLUMNS}`,
    params,
  );
  return rows.map(hydrate).map((tag) => ({ tag, created: proposed.get(tag.name) === tag.id }));
}

/**
 * Counts `delta` more live contacts for each named tag at once (a bulk chunk's sum), creating the tags that do not
 * exist yet with the id given; rows in name order, as countTagsOn writes them.
 */
export async function countTagsBy(em: EntityManager, workspaceId: string, rows: { id: string; name: string; delta: number }[], now: Date): Promise<Tag[]> {
  if (!rows.length) return [];
  const found = await em.execute<Tag[]>(
    `insert into tags as t (id, workspace_id, name, contact_count, created_at, updated_at)
     select x.id, ?, x.name, x.delta, ?, ? from jsonb_to_recordset(?::jsonb) as x(id text, name text, delta int) order by x.name
     on conflict (workspace_id, name) do update set contact_count = t.contact_count + excluded.contact_count, updated_at = excluded.updated_at
     returning ${COLUMNS}`,
    [workspaceId, now, now, JSON.stringify(rows)],
  );
  return found.map(hydrate);
}

/** Counts one live contact less for each named tag (a tag removed, or its contact deleted); same lock order. */
export async function countTagsOff(em: EntityManager, workspaceId: string, names: string[], now: Date): Promise<void> {
  if (!names.length) return;
  await em.execute(
    `with locked as (select id from tags where workspace_id = ? and name = any(array[?]::text[]) order by name for update)
     update tags t set contact_count = t.contact_count - 1, updated_at = ? from locked where t.id = locked.id`,
    [workspaceId, names, now],
  );
}

/**
 * Moves the counts of tags that exist by each delta at once (a merge: the merged contacts stop counting, the survivor
 * counts what it gains), rows locked in name order as the others lock them. An insert cannot carry a negative count,
 * even one that would only update (the row's check runs first), so this updates only.
 */
export async function shiftTagCounts(em: EntityManager, workspaceId: string, deltas: { name: string; delta: number }[], now: Date): Promise<void> {
  if (!deltas.length) return;
  await em.execute(
    `with x as (select * from jsonb_to_recordset(?::jsonb) as x(name text, delta int)),
     locked as (select t.id, x.delta from tags t join x on x.name = t.name where t.workspace_id = ? order by t.name for update of t)
     update tags t set contact_count = greatest(t.contact_count + locked.delta, 0), updated_at = ? from locked where t.id = locked.id`,
    [JSON.stringify(deltas), workspaceId, now],
  );
}
