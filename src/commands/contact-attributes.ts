import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ContactAttributeSchema, type ContactAttribute, type ContactAttributeType } from '../db/entities';
import { storedMisfits, toContactAttributeWire, toDeletedContactAttributeWire } from '../db/contact-attributes.queries';
import type { CommandContext } from '../db/events';
import { ApiError } from '../errors';
import { idFromSeed } from '../ids';
import type { CommandResponse } from './types';
import type { RequestBody } from '../types/wire';


/**
 * A definition command first locks the workspace row: contact writes hold a key-share lock on it while they check
 * values against the definitions (attributeRules), so the stored values this command checks are all the values there are.
 */
async function lockDefinitions(em: EntityManager, workspaceId: string): Promise<void> {
  await em.execute(`select 1 from workspaces where id = ? for update`, [workspaceId]);
}

async function assertKeyFree(em: EntityManager, workspaceId: string, key: string): Promise<void> {
  const holder = await em.findOne(ContactAttributeSchema, { workspace: workspaceId, key, deletedAt: null }, { fields: ['id'] });
  if (holder) {
    throw new ApiError('contact_attribute_key_taken', `Contact attribute ${holder.id} already defines the key '${key}'`, {
      existing_id: holder.id,
      errors: [{ pointer: '/key', code: 'contact_attribute_key_taken', message: `Already defined by ${holder.id}` }],
    });
  }
}

/** Options belong to enums only, and every enum has them; the spec bounds their count and length. */
function checkOptions(type: ContactAttributeType, options: string[] | null | undefined): string[] | null {
  if (type === 'enum') {
    if (!options) throw new ApiError('contact_attribute_options_invalid', 'An enum needs its options', { errors: [{ pointer: '/options', code: 'required', message: 'an enum needs its options' }] });
    if (new Set(options).size !== options.length) {
      throw new ApiError('contact_attribute_options_invalid', 'Each option may appear once', { errors: [{ pointer: '/options', code: 'duplicate_option', message: 'each option once' }] });
    }
    return options;
  }
  if (options) throw new ApiError('contact_attribute_options_invalid', `Only an enum has options, not a ${type}`, { errors: [{ pointer: '/options', code: 'unexpected_value', message: 'only an enum has options' }] });
  return null;
}

/** Refuses a definition that values contacts already hold would not fit: it would make them unwritable as they are. */
async function assertValuesFit(em: EntityManager, workspaceId: string, key: string, def: Pick<ContactAttribute, 'type' | 'options'>, pointer: string): Promise<void> {
  const { count, sample } = await storedMisfits(em, workspaceId, key, def);
  if (!count) return;
  const message = `${count} live contact(s) hold a value of '${key}' that is not ${def.type === 'enum' ? 'one of the options' : `a ${def.type}`} (such as ${sample.join(', ')})`;
  throw new ApiError('contact_attribute_values_mismatch', message, { errors: [{ pointer, code: 'contact_attribute_values_mismatch', message }] });
}

async function findLive(em: EntityManager, workspaceId: string, id: string): Promise<ContactAttribute> {
  const attribute = await em.findOne(ContactAttributeSchema, { id, workspace: workspaceId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!attribute) throw new ApiError('resource_missing', `No such contact attribute: '${id}'`);
  return attribute;
}

export async function createContactAttribute(em: EntityManager, ctx: CommandContext, _params: Record<string, string>, body: RequestBody<'createContactAttribute'>): Promise<CommandResponse> {
  const options = checkOptions(body.type, body.options);
  await lockDefinitions(em, ctx.workspaceId);
  await assertKeyFree(em, ctx.workspaceId, body.key);
  await assertValuesFit(em, ctx.workspaceId, body.key, { type: body.type, options }, options ? '/options' : '/type');
  const attribute = em.create(ContactAttributeSchema, {
    id: idFromSeed('atr', ctx.seed),
    workspace: ctx.workspaceId,
    key: body.key,
    type: body.type,
    options,
    personal: body.personal ?? false,
    description: body.description ?? null,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
  });
  await em.flush();
  return { status: 201, body: toContactAttributeWire(attribute) };
}

/** The key stays; type, options, personal and description change. A new type or options must fit the stored values. */
export async function updateContactAttribute(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'updateContactAttribute'>): Promise<CommandResponse> {
  await lockDefinitions(em, ctx.workspaceId);
  const attribute = await findLive(em, ctx.workspaceId, params.attribute_id);
  const type = body.type ?? attribute.type;
  // options follow the type: a move away from enum drops them, a move to enum needs them
  const options = checkOptions(type, body.options !== undefined ? body.options : type === 'enum' ? attribute.options : null);
  let changed = false;
  if (type !== attribute.type || JSON.stringify(options) !== JSON.stringify(attribute.options ?? null)) {
    await assertValuesFit(em, ctx.workspaceId, attribute.key, { type, options }, body.type !== undefined ? '/type' : '/options');
    attribute.type = type;
    attribute.options = options;
    changed = true;
  }
  if (body.personal !== undefined && body.personal !== attribute.personal) {
    attribute.personal = body.personal;
    changed = true;
  }
  if (body.description !== undefined && body.description !== attribute.description) {
    attribute.description = body.description;
    changed = true;
  }
  if (changed) {
    attribute.version += 1;
    attribute.updatedAt = ctx.now;
    await em.flush();
  }
  return { status: 200, body: toContactAttributeWire(attribute) };
}

/** Contacts keep their values; the key becomes an undefined one (masked without pii:read, allowed as the workspace says). */
export async function deleteContactAttribute(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  await lockDefinitions(em, ctx.workspaceId);
  const attribute = await findLive(em, ctx.workspaceId, params.attribute_id);
  attribute.deletedAt = ctx.now;
  attribute.updatedAt = ctx.now;
  attribute.version += 1;
  await em.flush();
  return { status: 200, body: toDeletedContactAttributeWire(attribute) };
}
