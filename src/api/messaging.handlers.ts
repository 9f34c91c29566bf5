import type { MikroORM } from '@mikro-orm/postgresql';
import { findChannel, listChannels, listConversations, listMessages, listWorkspaceMessages, retrieveConversation, retrieveMessage, toChannelWire, toConversationWire, toMessageWire } from '../db/messaging.queries';
import { ApiError } from '../errors';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';
import { withOneTimeSigningSecret } from './one-time-secret';
import { newChannelSecret } from '../channels/signatures';


export function messagingHandlers(orm: MikroORM, runCommand: RunCommand) {
  const ws = (req: AuthedRequest) => req.ctx.auth.workspaceId;
  const missing = (what: string, id: string) => new ApiError('resource_missing', `No such ${what}: '${id}'`);
  return {
    createChannel: (req: AuthedRequest) => withOneTimeSigningSecret(req, runCommand, newChannelSecret(), 'signing_secret'),
    // a provider's own message id makes its retries (and replays) land on the first result
    receiveInboundMessage: (req: AuthedRequest) => runCommand(req, { idempotencyKey: `inbound:${(req.body as { provider_message_id: string }).provider_message_id}` }),
    receiveMessageStatus: (req: AuthedRequest) => {
      const body = req.body as { provider_message_id: string; status: string };
      return runCommand(req, { idempotencyKey: `status:${body.provider_message_id}:${body.status}` });
    },
    async listChannels(req: AuthedRequest): Promise<HandlerResult> {
      return { status: 200, body: await listChannels(orm.em.fork(), ws(req), pageParams(req, {})) };
    },
    async retrieveChannel(req: AuthedRequest): Promise<HandlerResult> {
      const channel = await findChannel(orm.em.fork(), String(req.params.channel_id), ws(req));
      if (!channel) throw missing('channel', String(req.params.channel_id));
      return { status: 200, body: toChannelWire(channel) };
    },
    async listConversations(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      return { status: 200, body: await listConversations(orm.em.fork(), ws(req), pageParams(req, { contact_id: q.contact_id, status: q.status })) };
    },
    async retrieveConversation(req: AuthedRequest): Promise<HandlerResult> {
      const conversation = await retrieveConversation(orm.em.fork(), ws(req), String(req.params.conversation_id));
      if (!conversation) throw missing('conversation', String(req.params.conversation_id));
      return { status: 200, body: toConversationWire(conversation) };
    },
    async listConversationMessages(req: AuthedRequest): Promise<HandlerResult> {
      const em = orm.em.fork();
      const conversationId = String(req.params.conversation_id);
      if (!(await retrieveConversation(em, ws(req), conversationId))) throw missing('conversation', conversationId);
      return { status: 200, body: await listMessages(em, ws(req), pageParams(req, { conversation_id: conversationId })) };
    },
    async listMessages(req: AuthedRequest): Promise<HandlerResult> {
      const q = req.query as Record<string, string | undefined>;
      const filters = { conversation_id: q.conversation_id, contact_id: q.contact_id, channel_id: q.channel_id, status: q.status, direction: q.direction, created_since: q.created_since };
      return { status: 200, body: await listWorkspaceMessages(orm.em.fork(), ws(req), pageParams(req, filters)) };
    },
    async retrieveMessage(req: AuthedRequest): Promise<HandlerResult> {
      const message = await retrieveMessage(orm.em.fork(), ws(req), String(req.params.message_id));
      if (!message) throw missing('message', String(req.params.message_id));
      return { status: 200, body: toMessageWire(message) };
    },
  };
}
