import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTACT_TEXT_FIELDS, type Contact } from './entities';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from './keyset';
import { CONTACT_COLUMNS, hydrateContact, toContactWire, type ContactWire, type DeletedContactWire } from './contacts.queries';
import { PHONE_INPUT, normalisePhone, normaliseEmail } from '../identifiers';
import { normaliseTagName } from './tags.queries';
import { sha256Hex } from '../ids';

// POST /v1/contacts/search: filter groups OR'ed, the filters of a group AND'ed. The spec bounds the shape (groups,
// filters, values, lengths); this module checks what depends on the field (its operators and value types), and
// compiles every filter to a SQL fragment whose values are all bound parameters.

export type SearchOperator = 'eq' | 'neq' | 'in' | 'exists' | 'not_exists' | 'prefix' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'not_contains';
type Scalar = string | number | boolean;

export interface SearchFilter {
  field: string;
  operator: SearchOperator;
  value?: Scalar;
  values?: Scalar[];
}

export interface SearchRequest {
  filter_groups: { filters: SearchFilter[] }[];
}

export interface FieldProblem {
  pointer: string;
  code: string;
  message: string;
}

type Kind = 'phone' | 'email' | 'text' | 'tags' | 'time' | 'nullable_time' | 'opt_in_status' | 'attribute';

interface FieldSpec {
  kind: Kind;
  operators: SearchOperator[];
  /** comparing its value reveals personal data: needs pii:read (exists / not_exists show only what masking shows) */
  personal: boolean;
}

const RANGE: SearchOperator[] = ['gt', 'gte', 'lt', 'lte'];
const FIELDS: Record<string, FieldSpec> = {
  phone: { kind: 'phone', operators: ['eq', 'neq', 'in', 'exists', 'not_exists'], personal: true },
  email: { kind: 'email', operators: ['eq', 'neq', 'in', 'exists', 'not_exists'], personal: true },
  external_id: { kind: 'text', operators: ['eq', 'neq', 'in', 'prefix', 'exists', 'not_exists'], personal: true },
  ...Object.fromEntries(CONTACT_TEXT_FIELDS.map((f): [string, FieldSpec] => [f.wire, { kind: 'text', operators: ['eq', 'neq', 'prefix', 'exists', 'not_exists'], personal: true }])),
  tags: { kind: 'tags', operators: ['contains', 'not_contains', 'in', 'exists', 'not_exists'], personal: false },
  created_at: { kind: 'time', operators: RANGE, personal: false },
  updated_at: { kind: 'time', operators: RANGE, personal: false },
  opted_in_at: { kind: 'nullable_time', operators: [...RANGE, 'exists', 'not_exists'], personal: false },
  opted_out_at: { kind: 'nullable_time', operators: [...RANGE, 'exists', 'not_exists'], personal: false },
  opt_in_status: { kind: 'opt_in_status', operators: ['eq', 'neq', 'in'], personal: false },
};
const ATTRIBUTE: FieldSpec = { kind: 'attribute', operators: ['eq', 'neq', 'in', 'exists', 'not_exists', 'prefix', ...RANGE], personal: true };
export const OPT_IN_STATUSES = ['opted_in', 'opted_out', 'none'] as const;

const ATTRIBUTE_KEY = /^attributes\.([a-zA-Z_][a-zA-Z0-9_]{0,39})$/;
const VALUELESS: SearchOperator[] = ['exists', 'not_exists'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const TAG = /^[A-Za-z0-9][A-Za-z0-9_:.-]{0,63}$/;

function fieldSpec(field: string): FieldSpec | undefined {
  return Object.hasOwn(FIELDS, field) ? FIELDS[field] : ATTRIBUTE_KEY.test(field) ? ATTRIBUTE : undefined;
}

/** A filter after checking: its field's kind and its values in stored form (E.164 phones, lower-case tags…). */
interface CheckedFilter {
  field: string;
  kind: Kind;
  operator: SearchOperator;
  values: Scalar[];
}

export interface CheckedSearch {
  groups: CheckedFilter[][];
  /** the personal fields the search compares values of (`attributes.<key>` for attributes, each of them personal until its definition says otherwise) */
  personalFields: string[];
}

/** Checks every filter against its field; all problems at once, each with its pointer. */
export function checkSearch(req: SearchRequest): { search: CheckedSearch; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const personal = new Set<string>();
  const groups = req.filter_groups.map((g, gi) =>
    g.filters.map((f, fi): CheckedFilter => {
      const at = `/filter_groups/${gi}/filters/${fi}`;
      const problem = (field: string, code: string, message: string) => problems.push({ pointer: `${at}/${field}`, code, message });
      const spec = fieldSpec(f.field);
      if (!spec) {
        problem('field', 'unknown_field', `'${f.field}' is no searchable field`);
        return { field: f.field, kind: 'text', operator: f.operator, values: [] };
      }
      if (!spec.operators.includes(f.operator)) problem('operator', 'invalid_operator', `${f.field} takes the operators ${spec.operators.join(', ')}`);
      const many = f.operator === 'in';
      const valueless = VALUELESS.includes(f.operator);
      if (valueless && (f.value !== undefined || f.values !== undefined)) problem(f.value !== undefined ? 'value' : 'values', 'unexpected_value', `${f.operator} takes no value`);
      if (!valueless && many && f.value !== undefined) problem('value', 'unexpected_value', 'in takes `values`, a list');
      if (!valueless && !many && f.values !== undefined) problem('values', 'unexpected_value', `${f.operator} takes one \`value\`; \`values\` is for in`);
      if (!valueless && many && f.values === undefined) problem('values', 'required', 'in needs `values`');
      if (!valueless && !many && f.value === undefined) problem('value', 'required', `${f.operator} needs a \`value\``);
      // an attribute's value is personal unless the workspace defines its key as not personal (the handler decides)
      if (spec.personal && !valueless) personal.add(f.field);
      const raw = valueless ? [] : many ? f.values ?? [] : f.value === undefined ? [] : [f.value];
      const values = raw.map((v, vi) => {
        const pointer = many ? `values/${vi}` : 'value';
        const [ok, stored] = checkValue(spec.kind, f.operator, v);
        if (!ok) problem(pointer, 'invalid_value', stored as string);
        return ok ? stored : v;
      });
      return { field: f.field, kind: spec.kind, operator: f.operator, values };
    }),
  );
  return { search: { groups, personalFields: [...personal].sort() }, problems };
}

function checkValue(kind: Kind, op: SearchOperator, v: Scalar): [true, Scalar] | [false, string] {
  const isString = typeof v === 'string';
  switch (kind) {
    case 'phone':
      return isString && PHONE_INPUT.test(v) ? [true, normalisePhone(v)] : [false, 'An international phone number (E.164 or written with spaces, dashes, dots or parentheses)'];
    case 'email':
      return isString && v.length > 0 ? [true, normaliseEmail(v)] : [false, 'An email address'];
    case 'text':
      return isString && v.length > 0 ? [true, v] : [false, 'A non-empty string'];
    case 'tags':
      return isString && TAG.test(v) ? [true, normaliseTagName(v)] : [false, 'A tag name: letters, digits and `_ : . -`, starting with a letter or digit'];
    case 'time':
    case 'nullable_time':
      return isString && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)) ? [true, new Date(v).toISOString()] : [false, 'An RFC 3339 date-time such as 2026-11-01T00:00:00Z'];
    case 'opt_in_status':
      return isString && (OPT_IN_STATUSES as readonly string[]).includes(v) ? [true, v] : [false, `One of ${OPT_IN_STATUSES.join(', ')}`];
    case 'attribute':
      if (RANGE.includes(op)) return typeof v === 'number' ? [true, v] : [false, `${op} compares numbers`];
      if (op === 'prefix') return isString && v.length > 0 ? [true, v] : [false, 'prefix takes a non-empty string'];
      return [true, v];
  }
}

const SQL_RANGE: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const NAME_COLUMNS: Record<string, string> = { external_id: 'external_id', ...Object.fromEntries(CONTACT_TEXT_FIELDS.map((f) => [f.wire, f.column])) };
const OPTED_IN = '(opted_in_at is not null and (opted_out_at is null or opted_out_at <= opted_in_at))';
const OPTED_OUT = '(opted_out_at is not null and (opted_in_at is null or opted_out_at > opted_in_at))';
const STATUS_SQL: Record<string, string> = { opted_in: OPTED_IN, opted_out: OPTED_OUT, none: '(opted_in_at is null and opted_out_at is null)' };

/** LIKE pattern for a literal prefix: the value stays a bound parameter, its wildcards escaped. */
const likePrefix = (v: string) => `${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Fragment = [sql: string, params: unknown[]];
const not = ([sql, params]: Fragment): Fragment => [`not coalesce(${sql}, false)`, params];
const anyOf = (fragments: Fragment[]): Fragment => [`(${fragments.map((f) => f[0]).join(' or ')})`, fragments.flatMap((f) => f[1])];

// Each filter as one SQL condition that is never NULL-valued in a way that matters: `neq` is the negation of `eq`
// (it matches contacts that lack the value), written with coalesce so that a NULL column counts as "not equal".
function compileFilter(f: CheckedFilter): Fragment {
  const v = f.values;
  switch (f.kind) {
    case 'phone':
    case 'email': {
      // email through lower(): the column's index is on lower(email); stored values are already case-folded
      const col = f.kind === 'phone' ? 'phone' : 'lower(email)';
      if (f.operator === 'exists') return [`${f.field} is not null`, []];
      if (f.operator === 'not_exists') return [`${f.field} is null`, []];
      const eq: Fragment = f.operator === 'in' ? [`${col} in (${v.map(() => '?').join(', ')})`, v] : [`${col} = ?`, [v[0]]];
      return f.operator === 'neq' ? not(eq) : eq;
    }
    case 'text': {
      const col = NAME_COLUMNS[f.field]!;
      // names compare case-insensitively (indexed on lower(name)); external ids exactly
      const folded = f.field === 'external_id' ? col : `lower(${col})`;
      const fold = (x: Scalar) => (f.field === 'external_id' ? String(x) : String(x).toLowerCase());
      switch (f.operator) {
        case 'exists':
          return [`${col} is not null`, []];
        case 'not_exists':
          return [`${col} is null`, []];
        case 'prefix':
          return [`${folded} like ? escape '\\'`, [likePrefix(fold(v[0]!))]];
        case 'in':
          return [`${folded} in (${v.map(() => '?').join(', ')})`, v.map(fold)];
        case 'neq':
          return not([`${folded} = ?`, [fold(v[0]!)]]);
        default:
          return [`${folded} = ?`, [fold(v[0]!)]];
      }
    }
    case 'tags':
      switch (f.operator) {
        case 'exists':
          return [`cardinality(tags) > 0`, []];
        case 'not_exists':
          return [`cardinality(tags) = 0`, []];
        case 'in':
          return [`tags && cast(array[${v.map(() => '?').join(', ')}] as text[])`, v];
        case 'not_contains':
          return [`not (tags @> array[cast(? as text)])`, [v[0]]];
        default:
          return [`tags @> array[cast(? as text)]`, [v[0]]];
      }
    case 'time':
    case 'nullable_time':
      if (f.operator === 'exists') return [`${f.field} is not null`, []];
      if (f.operator === 'not_exists') return [`${f.field} is null`, []];
      return [`${f.field} ${SQL_RANGE[f.operator]} cast(? as timestamptz)`, [v[0]]];
    case 'opt_in_status': {
      const eq = anyOf(v.map((s) => [STATUS_SQL[s as string]!, []]));
      return f.operator === 'neq' ? not(eq) : eq;
    }
    case 'attribute': {
      const key = ATTRIBUTE_KEY.exec(f.field)![1]!;
      // containment (`@>`) is what the GIN jsonb_path_ops index answers: eq and in are written as containment
      const contains = (x: Scalar): Fragment => [`attributes @> cast(? as jsonb)`, [JSON.stringify({ [key]: x })]];
      switch (f.operator) {
        case 'exists':
          return [`(attributes -> ?) is not null`, [key]];
        case 'not_exists':
          return [`(attributes -> ?) is null`, [key]];
        case 'eq':
          return contains(v[0]!);
        case 'neq':
          return not(contains(v[0]!));
        case 'in':
          return anyOf(v.map(contains));
        case 'prefix':
          return [`(jsonb_typeof(attributes -> ?) = 'string' and (attributes ->> ?) like ? escape '\\')`, [key, key, likePrefix(String(v[0]))]];
        default:
          // numbers only; jsonb orders numbers numerically, and the type check keeps other types out
          return [`(jsonb_typeof(attributes -> ?) = 'number' and (attributes -> ?) ${SQL_RANGE[f.operator]} cast(? as jsonb))`, [key, key, JSON.stringify(v[0])]];
      }
    }
  }
}

/** The whole search as one condition: groups OR'ed, each group's filters AND'ed. */
export function compileSearch(search: CheckedSearch): Fragment {
  const groups = search.groups.map((g): Fragment => {
    const parts = g.map(compileFilter);
    return [`(${parts.map((p) => p[0]).join(' and ')})`, parts.flatMap((p) => p[1])];
  });
  return anyOf(groups);
}

/** What a cursor is bound to: the checked filters in stored form, so equal searches written differently share cursors. */
export function searchHash(search: CheckedSearch): string {
  return sha256Hex(JSON.stringify(search.groups.map((g) => g.map((f) => [f.field, f.operator, f.values])))).slice(0, 32);
}

export async function searchContacts(em: EntityManager, workspaceId: string, search: CheckedSearch, page: Omit<PageParams, 'filters'>): Promise<ListPage<ContactWire | DeletedContactWire>> {
  const [sql, params] = compileSearch(search);
  return keysetList<Contact, ContactWire | DeletedContactWire>(em, {
    list: 'contacts.search',
    table: 'contacts',
    columns: CONTACT_COLUMNS,
    workspaceId,
    page: { ...page, filters: { search: searchHash(search) } },
    where: [[sql, ...params]],
    softDelete: true,
    hydrate: hydrateContact,
    toWire: toContactWire,
  });
}
