import type { EntityManager } from '@mikro-orm/postgresql';
import type { Contact } from '../db/entities';
import { toContactWire } from '../db/contacts.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { countTagsOff, countTagsOn, normaliseTagName, toTagWire } from '../db/tags.queries';
import { ApiError } from '../errors';
import type { CommandResponse } from './types';
import { findLive } from './contacts';
import type { RequestBody } from '../types/wire';

export const MAX_TAGS_PER_CONTACT = 100;

export interface TagChange {
  add?: string[];
  remove?: string[];
}

/**
 * Adds and removes tags on a locked contact as one change; refuses before changing anything. A tag already carried is
 * no change; removing a tag the contact does not carry is a 404. Emits contact.updated and tag.created for new tags.
 * `pointers` name the request fields, for the field errors of a refusal.
 */
export async function retagContact(em: EntityManager, ctx: CommandContext, contact: Contact, change: TagChange, pointers: { add: string; remove?: string }): Promise<boolean> {
  const removing = [...new Set((change.remove ?? []).map(normaliseTagName))].sort();
  const missing = removing.find((name) => !contact.tags.includes(name));
  if (missing) {
    const message = `Contact ${contact.id} does not carry the tag '${missing}'`;
    throw new ApiError('tag_not_on_contact', message, pointers.remove ? { errors: [{ pointer: pointers.remove, code: 'tag_not_on_contact', message }] } : {});
  }
  const added = [...new Set((change.add ?? []).map(normaliseTagName))].filter((name) => !contact.tags.includes(name) && !removing.includes(name)).sort();
  if (!added.length && !removing.length) return false;
  const tags = [...contact.tags.filter((t) => !removing.includes(t)), ...added].sort();
  if (tags.length > MAX_TAGS_PER_CONTACT) {
    const message = `Contact ${contact.id} carries ${contact.tags.length} tags; ${added.length} more would exceed ${MAX_TAGS_PER_CONTACT}`;
    throw new ApiError('contact_tag_limit', message, { errors: [{ pointer: pointers.add, code: 'contact_tag_limit', message }] });
  }
  await countTagsOff(em, ctx.workspaceId, removing, ctx.now);
  const counted = await countTagsOn(em, ctx, added);
  const previous = { tags: contact.tags };
  contact.tags = tags;
  contact.version += 1;
  contact.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, { type: 'contact.updated', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: toContactWire(contact), previousAttributes: previous });
  counted
    .filter((c) => c.created)
    .forEach(({ tag }, i) => recordEvent(em, ctx, i + 1, { type: 'tag.created', objectType: 'tag', objectId: tag.id, sequence: 1, object: toTagWire(tag) }));
  return true;
}

/** Adds tags to a contact; a tag it already carries is no change. Emits contact.updated and tag.created. */
export async function addContactTags(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: RequestBody<'addContactTags'>): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  if (await retagContact(em, ctx, contact, { add: body.tags }, { add: '/tags' })) await em.flush();
  return { status: 200, body: toContactWire(contact) };
}

/** Removes one tag from a contact; a tag it does not carry is a 404, so a stale view shows up. */
export async function removeContactTag(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  await retagContact(em, ctx, contact, { remove: [params.tag] }, { add: '/tags' });
  await em.flush();
  return { status: 200, body: toContactWire(contact) };
}
