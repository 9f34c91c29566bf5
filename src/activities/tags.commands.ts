import type { EntityManager } from '@mikro-orm/postgresql';
import { toContactWire } from '../db/contacts.queries';
import { recordEvent, type CommandContext } from '../db/events';
import { countTagsOff, countTagsOn, normaliseTagName, toTagWire } from '../db/tags.queries';
import { ApiError } from '../errors';
import type { CommandResponse } from './command-registry';
import { findLive } from './contacts.commands';

export const MAX_TAGS_PER_CONTACT = 100;

/** Adds tags to a contact; a tag it already carries is no change. Emits contact.updated and tag.created. */
export async function addContactTags(em: EntityManager, ctx: CommandContext, params: Record<string, string>, body: { tags: string[] }): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  const added = [...new Set(body.tags.map(normaliseTagName))].filter((name) => !contact.tags.includes(name)).sort();
  if (!added.length) return { status: 200, body: toContactWire(contact) };
  const tags = [...contact.tags, ...added].sort();
  if (tags.length > MAX_TAGS_PER_CONTACT) {
    const message = `Contact ${contact.id} carries ${contact.tags.length} tags; ${added.length} more would exceed ${MAX_TAGS_PER_CONTACT}`;
    throw new ApiError('contact_tag_limit', message, { errors: [{ pointer: '/tags', code: 'contact_tag_limit', message }] });
  }
  const counted = await countTagsOn(em, ctx, added);
  const previous = { tags: contact.tags };
  contact.tags = tags;
  contact.version += 1;
  contact.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, { type: 'contact.updated', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: toContactWire(contact), previousAttributes: previous });
  counted
    .filter((c) => c.created)
    .forEach(({ tag }, i) => recordEvent(em, ctx, i + 1, { type: 'tag.created', objectType: 'tag', objectId: tag.id, sequence: 1, object: toTagWire(tag) }));
  await em.flush();
  return { status: 200, body: toContactWire(contact) };
}

/** Removes one tag from a contact; a tag it does not carry is a 404, so a stale view shows up. */
export async function removeContactTag(em: EntityManager, ctx: CommandContext, params: Record<string, string>): Promise<CommandResponse> {
  const contact = await findLive(em, ctx.workspaceId, params.contact_id);
  const name = normaliseTagName(params.tag);
  if (!contact.tags.includes(name)) throw new ApiError('tag_not_on_contact', `Contact ${contact.id} does not carry the tag '${name}'`);
  await countTagsOff(em, ctx.workspaceId, [name], ctx.now);
  const previous = { tags: contact.tags };
  contact.tags = contact.tags.filter((t) => t !== name);
  contact.version += 1;
  contact.updatedAt = ctx.now;
  recordEvent(em, ctx, 0, { type: 'contact.updated', objectType: 'contact', objectId: contact.id, sequence: contact.version, object: toContactWire(contact), previousAttributes: previous });
  await em.flush();
  return { status: 200, body: toContactWire(contact) };
}
