import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTACT_TEXT_FIELDS, type Contact, type ContactTextWire } from './entities';
import { toDate } from './timestamps';
import type { ListPage, PageParams } from '../pagination';
import { keysetList } from './keyset';
import { normalisePhone } from '../identifiers';
import { ApiError } from '../errors';
import type { Schema } from '../types/wire';

export type ContactWire = Schema<'Contact'>;

export type DeletedContactWire = Schema<'DeletedContact'>;

/** A contact's text fields by their wire names, in their wire order. */
export function contactTextWire(c: Contact): ContactTextWire {
  const out = {} as ContactTextWire;
  for (const f of CONTACT_TEXT_FIELDS) out[f.wire] = c[f.prop];
  return out;
}

export function toContactWire(c: Contact): ContactWire | DeletedContactWire {
  if (c.deletedAt) return toDeletedContactWire(c);
  return {
    id: c.id,
    object: 'contact',
    phone: c.phone,
    email: c.email,
    ...contactTextWire(c),
    external_id: c.externalId,
    attributes: c.attributes,
    opted_in_at: c.optedInAt ? c.optedInAt.toISOString() : null,
    opted_out_at: c.optedOutAt ? c.optedOutAt.toISOString() : null,
    consent_source: c.consentSource ?? null,
    tags: c.tags,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function toDeletedContactWire(c: Contact): DeletedContactWire {
  return {
    id: c.id,
    object: 'contact',
    deleted: true,
    ...(c.mergedInto ? { merged_into: c.mergedInto } : {}),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/**
 * The 404 for a contact id that names no live contact. A merged contact's answers `merged_into` too, so an integrator
 * holding the old id can follow it to the survivor.
 */
export async function contactMissing(em: EntityManager, workspaceId: string, id: string): Promise<ApiError> {
  const [row] = await em.getConnection().execute<{ merged_into: string | null }[]>(
    `select merged_into from contacts where workspace_id = ? and id = ? and merged_into is not null`,
    [workspaceId, id],
    'all',
    em.getTransactionContext(),
  );
  if (row?.merged_into) return new ApiError('resource_missing', `Contact '${id}' was merged into ${row.merged_into}`, { merged_into: row.merged_into });
  return new ApiError('resource_missing', `No such contact: '${id}'`);
}

// Raw SQL on the read path: one indexed keyset query, columns aliased straight onto the Contact shape. Tags are a
// sorted text[] column kept by the tag commands, so a page of contacts needs no join or aggregate.
const COLUMNS = `id, workspace_id as "workspace", phone, email, ${CONTACT_TEXT_FIELDS.map((f) => `${f.column} as "${f.prop}"`).join(', ')},
  external_id as "externalId", attributes, tags, opted_in_at as "optedInAt", opted_out_at as "optedOutAt", consent_source as "consentSource", merged_into as "mergedInto", version, created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;

export async function retrieveContact(em: EntityManager, workspaceId: string, id: string): Promise<Contact | null> {
  const rows = await em.getConnection().execute<Contact[]>(
    `select ${COLUMNS} from contacts where workspace_id = ? and id = ? and deleted_at is null`,
    [workspaceId, id],
  );
  return rows[0] ? hydrate(rows[0]) : null;
}

function hydrate(row: Contact): Contact {
  return {
    ...row,
    optedInAt: toDate(row.optedInAt),
    optedOutAt: toDate(row.optedOutAt),
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
    deletedAt: toDate(row.deletedAt),
  };
}

export interface ContactFilters {
  phone?: string;
  email?: string;
  external_id?: string;
  /** a tag name, lower case */
  tag?: string;
  updated_since?: string;
}

export async function listContacts(
  em: EntityManager,
  workspaceId: string,
  page: PageParams & { filters: ContactFilters },
): Promise<ListPage<ContactWire | DeletedContactWire>> {
  const f = page.filters;
  const where: [string, ...unknown[]][] = [];
  // stored in E.164: a number looked up in another written form is the same number
  if (f.phone) where.push(['phone = ?', normalisePhone(f.phone)]);
  if (f.email) where.push(['lower(email) = lower(?)', f.email]);
  if (f.external_id) where.push(['external_id = ?', f.external_id]);
  if (f.tag) where.push(['tags @> array[cast(? as text)]', f.tag]);
  return keysetList(em, { list: 'contacts', table: 'contacts', columns: COLUMNS, workspaceId, page, where, softDelete: true, hydrate, toWire: toContactWire });
}

// the search reads the same rows the same way
export { COLUMNS as CONTACT_COLUMNS, hydrate as hydrateContact };

/** What a send needs of a contact: who it is, where to reach them and their consent. */
export type SendableContact = Pick<Contact, 'id' | 'phone' | 'optedInAt' | 'optedOutAt'>;

/**
 * Live contacts of a workspace locked for a batch of sends, in id order (as every sender locks them, so no two
 * batches deadlock and no concurrent send opens a second conversation), with only what a send needs.
 */
export async function lockSendableContacts(em: EntityManager, workspaceId: string, ids: string[]): Promise<SendableContact[]> {
  if (!ids.length) return [];
  const rows = await em.execute<SendableContact[]>(
    `select id, phone, opted_in_at as "optedInAt", opted_out_at as "optedOutAt" from contacts
      where workspace_id = ? and deleted_at is null and id in (?) order by id for update`,
    [workspaceId, ids],
  );
  return rows.map((r) => ({ ...r, optedInAt: toDate(r.optedInAt as unknown as string | null), optedOutAt: toDate(r.optedOutAt as unknown as string | null) }));
}
