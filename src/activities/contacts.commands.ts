import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ContactSchema, type Contact } from '../db/entities';
import { toContactWire, toDeletedContactWire } from '../db/contacts.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { countTagsOff } from '../db/tags.queries';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import type { CommandResponse } from './command-registry';

type Attributes = Contact['attributes'];

interface ContactInput {
  phone?: string | null;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  external_id?: string | null;
  attributes?: Record<string, string | number | boolean | null>;
}

const FIELD_MAP = [
  ['phone', 'phone'],
  ['email', 'email'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['external_id', 'externalId'],
] as const;

async function assertUnique(em: EntityManager, workspaceId: string, input: ContactInput, selfId?: string): Promise<void> {
  const checks = [
    { field: 'phone', value: input.phone, code: 'contact_phone_taken' },
    { field: 'external_id', value: input.external_id, code: 'contact_external_id_taken' },
  ] as const;
  for (const check of checks) {
    if (check.value === undefined || check.value === null) continue;
    const prop = check.field === 'phone' ? 'phone' : 'externalId';
    const holder = await em.findOne(ContactSchema, { workspace: workspaceId, [prop]: check.value, deletedAt: null }, { fields: ['id'] });
    if (holder && holder.id !== selfId) {
      throw new ApiError(check.code, `Contact ${holder.id} already has this ${check.field === 'phone' ? 'phone number' : 'external id'}`, {
        existing_id: holder.id,
        errors: [{ pointer: `/${check.field}`, code: check.code, message: `Already used by contact ${holder.id}` }],
      });
    }
  }
}

export async function findLive(em: EntityManager, workspaceId: string, id: string): Promise<Contact> {
  // the row lock serialises concurrent commands on one contact, so versions and event sequences never collide
  const contact = await em.findOne(ContactSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!contact) throw new ApiError('resource_missing', `No such contact: '${id}'`);
  return contact;
}

export async function createContact(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: ContactInput): Promise<CommandResponse> {
  await assertUnique(em, ctx.workspaceId, body);
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(body.attributes ?? {})) if (v !== null) attributes[k] = v;
  const contact = em.create(ContactSchema, {
    id: idFromSeed('ctc', ctx.seed),
    workspace: ctx.workspaceId,
    phone: body.phone ?? null,
    email: body.email ?? null,
    firstName: body.first_name ?? null,
    lastName: body.last_name ?? null,
    externalId: body.external_id ?? null,
    attributes,
    tags: [],
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  const wire = toContactWire(contact);
  recordEvent(em, ctx, 0, { type: 'contact.created', objectType: 'contact', objectId: contact.id, sequence: 1, object: wire });
  await em.flush();
  return { status: 201, body: wire };
}

export async function updateContact(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: ContactInput): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  await assertUnique(em, ctx.workspaceId, body, contact.id);
  const previous: Record<string, unknown> = {};
  for (const [wireName, prop] of FIELD_MAP) {
    const next = body[wireName];
    if (next === undefined || next === contact[prop]) continue;
    previous[wireName] = contact[prop];
    contact[prop] = next;
  }
  if (body.attributes) {
    const merged: Attributes = { ...contact.attributes };
    for (const [k, v] of Object.entries(body.attributes)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    if (JSON.stringify(merged) !== JSON.stringify(contact.attributes)) {
      previous.attributes = contact.attributes;
      contact.attributes = merged;
    }
  }
  if (Object.keys(previous).length > 0) {
    contact.version += 1;
    contact.updatedAt = ctx.now;
    recordEvent(em, ctx, 0, {
      type: 'contact.updated',
      objectType: 'contact',
      objectId: contact.id,
      sequence: contact.version,
      object: toContactWire(contact),
      previousAttributes: previous,
    });
    await em.flush();
  }
  return { status: 200, body: toContactWire(contact) };
}

export async function deleteContact(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  // tag counts cover live contacts only; the tombstone keeps its tags so a tag-filtered sync still sees the delete
  await countTagsOff(em, ctx.workspaceId, contact.tags, ctx.now);
  contact.deletedAt = ctx.now;
  contact.updatedAt = ctx.now;
  contact.version += 1;
  const tombstone = toDeletedContactWire(contact);
  recordEvent(em, ctx, 0, { type: 'contact.deleted', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: tombstone });
  await em.flush();
  return { status: 200, body: tombstone };
}
