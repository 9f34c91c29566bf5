import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContactAttribute } from './entities';
import { toDate } from './timestamps';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from './keyset';
import type { FieldError } from '../errors';
import type { Schema } from '../types/wire';

export type ContactAttributeWire = Schema<'ContactAttribute'>;

export type DeletedContactAttributeWire = Schema<'DeletedContactAttribute'>;

export function toContactAttributeWire(a: ContactAttribute): ContactAttributeWire | DeletedContactAttributeWire {
  if (a.deletedAt) return toDeletedContactAttributeWire(a);
  return {
    id: a.id,
    object: 'contact_attribute',
    key: a.key,
    type: a.type,
    options: a.options ?? null,
    personal: a.personal,
    description: a.description ?? null,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export function toDeletedContactAttributeWire(a: ContactAttribute): DeletedContactAttributeWire {
  return { id: a.id, object: 'contact_attribute', deleted: true, created_at: a.createdAt.toISOString(), updated_at: a.updatedAt.toISOString() };
}

const COLUMNS = `id, workspace_id as "workspace", key, type, options, personal, description, version,
  created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;

function hydrate(row: ContactAttribute): ContactAttribute {
  return { ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), deletedAt: toDate(row.deletedAt) };
}

export async function retrieveContactAttribute(em: EntityManager, workspaceId: string, id: string): Promise<ContactAttribute | null> {
  const rows = await em.getConnection().execute<ContactAttribute[]>(
    `select ${COLUMNS} from contact_attributes where workspace_id = ? and id = ? and deleted_at is null`,
    [workspaceId, id],
  );
  return rows[0] ? hydrate(rows[0]) : null;
}

export async function listContactAttributes(
  em: EntityManager,
  workspaceId: string,
  page: PageParams & { filters: { key?: string; updated_since?: string } },
): Promise<ListPage<ContactAttributeWire | DeletedContactAttributeWire>> {
  const where: [string, ...unknown[]][] = page.filters.key !== undefined ? [['key = ?', page.filters.key]] : [];
  return keysetList(em, { list: 'contact_attributes', table: 'contact_attributes', columns: COLUMNS, workspaceId, page, where, softDelete: true, hydrate, toWire: toContactAttributeWire });
}

/** What a contact write's attributes are checked against: the live definitions by key, and whether other keys may be set. */
export interface AttributeRules {
  definitions: Map<string, Pick<ContactAttribute, 'key' | 'type' | 'options' | 'personal'>>;
  allowUndefined: boolean;
}

/**
 * The workspace's rules for attribute values. The key-share lock on the workspace row (the one a contact insert's
 * foreign key takes anyway) makes a definition command, which locks that row for update, wait for writes that checked
 * values against the old definitions, and those writes wait for it: a definition never holds over values it refused.
 */
export async function attributeRules(em: EntityManager, workspaceId: string): Promise<AttributeRules> {
  const [ws] = await em.execute<{ allow: boolean }[]>(`select allow_undefined_attributes as "allow" from workspaces where id = ? for key share`, [workspaceId]);
  const rows = await em.execute<Pick<ContactAttribute, 'key' | 'type' | 'options' | 'personal'>[]>(
    `select key, type, options, personal from contact_attributes where workspace_id = ? and deleted_at is null`,
    [workspaceId],
  );
  return { definitions: new Map(rows.map((r) => [r.key, r])), allowUndefined: ws?.allow ?? true };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isCalendarDate(v: unknown): boolean {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Why a value does not fit a definition, or null when it does. */
export function valueProblem(def: Pick<ContactAttribute, 'type' | 'options'>, v: string | number | boolean): { code: string; message: string } | null {
  switch (def.type) {
    case 'string':
      return typeof v === 'string' ? null : { code: 'invalid_type', message: 'must be a string' };
    case 'number':
      return typeof v === 'number' ? null : { code: 'invalid_type', message: 'must be a number' };
    case 'boolean':
      return typeof v === 'boolean' ? null : { code: 'invalid_type', message: 'must be a boolean' };
    case 'date':
      return isCalendarDate(v) ? null : { code: 'invalid_date', message: 'must be a calendar date, YYYY-MM-DD' };
    case 'enum':
      return typeof v === 'string' && (def.options ?? []).includes(v) ? null : { code: 'invalid_option', message: `must be one of the attribute's options: ${(def.options ?? []).join(', ')}` };
  }
}

/**
 * The problems of the attribute values a write sets (`null`, a removal, always fits), each at `<pointer>/<key>`. The
 * messages never repeat a value: an error body is no way around masking.
 */
export function attributeProblems(rules: AttributeRules, attributes: Record<string, unknown> | undefined, pointer: string): FieldError[] {
  const problems: FieldError[] = [];
  for (const [key, v] of Object.entries(attributes ?? {})) {
    if (v === null || v === undefined) continue;
    const def = rules.definitions.get(key);
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!def) {
      if (!rules.allowUndefined) problems.push({ pointer: at, code: 'undefined_attribute', message: `no contact attribute '${key}' is defined, and the workspace allows defined keys only` });
      continue;
    }
    const problem = valueProblem(def, v as string | number | boolean);
    if (problem) problems.push({ pointer: at, ...problem });
  }
  return problems;
}

// the form of a date, months and days in range; the last days of a month are confirmed in code (isCalendarDate)
const SQL_DATE = `'^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`;

/** The SQL condition, with its parameters, under which a contact's stored value of the key does not fit. */
function misfitCondition(key: string, def: Pick<ContactAttribute, 'type' | 'options'>): [string, unknown[]] {
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return [`jsonb_typeof(attributes -> ?) <> '${def.type}'`, [key]];
    case 'date':
      return [`(jsonb_typeof(attributes -> ?) <> 'string' or (attributes ->> ?) !~ ${SQL_DATE})`, [key, key]];
    case 'enum':
      return [`(jsonb_typeof(attributes -> ?) <> 'string' or not ((attributes ->> ?) = any(array[?]::text[])))`, [key, key, def.options ?? []]];
  }
}

/**
 * How many live contacts of the workspace hold a value of `key` that the definition would refuse, and the ids of
 * the first few (for the refusal's detail; ids are no personal data).
 */
export async function storedMisfits(em: EntityManager, workspaceId: string, key: string, def: Pick<ContactAttribute, 'type' | 'options'>): Promise<{ count: number; sample: string[] }> {
  const [condition, params] = misfitCondition(key, def);
  const rows = await em.execute<{ id: string; total: string }[]>(
    `select id, count(*) over () as total from contacts
     where workspace_id = ? and deleted_at is null and (attributes -> ?) is not null and ${condition}
     order by id limit 5`,
    [workspaceId, key, ...params],
  );
  let count = rows.length ? Number(rows[0].total) : 0;
  let sample = rows.map((r) => r.id);
  if (def.type === 'date') {
    // 29 to 31 pass the form whatever the month: those values are checked as writes check them
    const late = await em.execute<{ id: string; value: string }[]>(
      `select id, attributes ->> ? as value from contacts
       where workspace_id = ? and deleted_at is null and jsonb_typeof(attributes -> ?) = 'string'
         and (attributes ->> ?) ~ ${SQL_DATE} and substring(attributes ->> ? from 9 for 2) >= '29'
       order by id`,
      [key, workspaceId, key, key, key],
    );
    const bad = late.filter((r) => !isCalendarDate(r.value)).map((r) => r.id);
    count += bad.length;
    sample = [...sample, ...bad].sort().slice(0, 5);
  }
  return { count, sample };
}

/**
 * The attribute keys a key without pii:read sees in clear: those of the workspace's live definitions that are not
 * personal. Keys without a definition stay masked, as every key was before definitions existed.
 */
export async function shownAttributeKeys(em: EntityManager, workspaceId: string): Promise<ReadonlySet<string>> {
  const rows = await em.getConnection().execute<{ key: string }[]>(
    `select key from contact_attributes where workspace_id = ? and deleted_at is null and not personal`,
    [workspaceId],
  );
  return new Set(rows.map((r) => r.key));
}
