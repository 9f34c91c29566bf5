// Contacts, their tags and the workspace's attribute definitions.
import { EntitySchema } from '@mikro-orm/core';
import { TextArrayType, ts, workspaceRef } from './columns';

/**
 * A contact's text fields besides its identifiers (phone, email and external_id, which have rules of their own), in
 * their wire order. Each is personal data: masked without `pii:read` (as a name), erased by a purge, filled from the
 * merged contacts when the survivor has none, and searchable (case-insensitively, eq, neq, prefix, exists). The
 * entity, its SQL columns, the wire shape, the commands, masking, purges, merges and the search all follow this list:
 * a new text field is a line here, its column in a migration, and its place in openapi.yaml.
 */
export const CONTACT_TEXT_FIELDS = [
  { wire: 'first_name', prop: 'firstName', column: 'first_name' },
  { wire: 'last_name', prop: 'lastName', column: 'last_name' },
] as const;

export type ContactTextField = (typeof CONTACT_TEXT_FIELDS)[number];
type ContactTextValues = { [F in ContactTextField as F['prop']]: string | null };
/** The text fields as the wire names them, each null when unset. */
export type ContactTextWire = { [F in ContactTextField as F['wire']]: string | null };

export interface Contact extends ContactTextValues {
  id: string;
  workspace: string;
  phone: string | null;
  email: string | null;
  externalId: string | null;
  attributes: Record<string, string | number | boolean>;
  /** tag names, sorted; kept by the tag commands */
  tags: string[];
  optedInAt?: Date | null;
  optedOutAt?: Date | null;
  /** where the latest consent change came from, as an import stated it */
  consentSource?: string | null;
  /** a merged contact's tombstone names the contact it was merged into */
  mergedInto?: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export interface Tag {
  id: string;
  workspace: string;
  /** lower case, unique in the workspace */
  name: string;
  /** live (not deleted) contacts that carry the tag */
  contactCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ContactAttributeType = 'string' | 'number' | 'boolean' | 'date' | 'enum';

/** The definition of one custom attribute key of the workspace's contacts. */
export interface ContactAttribute {
  id: string;
  workspace: string;
  key: string;
  type: ContactAttributeType;
  /** the allowed values of an enum; null for other types */
  options: string[] | null;
  /** masked without pii:read, cleared by privacy purges */
  personal: boolean;
  description: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

function textFieldProperties(): Record<ContactTextField['prop'], { type: 'string'; fieldName: string; nullable: true }> {
  const out = {} as Record<ContactTextField['prop'], { type: 'string'; fieldName: string; nullable: true }>;
  for (const f of CONTACT_TEXT_FIELDS) out[f.prop] = { type: 'string', fieldName: f.column, nullable: true };
  return out;
}

export const ContactSchema = new EntitySchema<Contact>({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    phone: { type: 'string', nullable: true },
    email: { type: 'string', nullable: true },
    ...textFieldProperties(),
    externalId: { type: 'string', nullable: true },
    attributes: { type: 'json' },
    tags: { type: TextArrayType, columnType: 'text[]' },
    optedInAt: { ...ts, nullable: true },
    optedOutAt: { ...ts, nullable: true },
    consentSource: { type: 'string', columnType: 'text', nullable: true },
    mergedInto: { type: 'string', columnType: 'text', nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

export const TagSchema = new EntitySchema<Tag>({
  name: 'Tag',
  tableName: 'tags',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    contactCount: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
  },
});

export const ContactAttributeSchema = new EntitySchema<ContactAttribute>({
  name: 'ContactAttribute',
  tableName: 'contact_attributes',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    key: { type: 'string' },
    type: { type: 'string' },
    options: { type: TextArrayType, columnType: 'text[]', nullable: true },
    personal: { type: 'boolean' },
    description: { type: 'text', nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});

/** Each text field unset: for a contact created from something that carries none (an inbound message), or erased. */
export function noContactText(): ContactTextValues {
  const out = {} as ContactTextValues;
  for (const f of CONTACT_TEXT_FIELDS) out[f.prop] = null;
  return out;
}
