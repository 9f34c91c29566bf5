import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import { findChannel, listChannels, listConversations, listMessages, listWorkspaceMessages, retrieveConversation, retrieveMessage, toChannelWire, toConversationWire, toMessageWire } from '../db/messaging.queries';
import { ApiError } from '../errors';
import type { RunCommand } from './commands';
import type { AuthedRequest, HandlerResult } from './context';
import { pageParams } from './list-params';
import { withOneTimeSecret } from './one-time-secret';
import { newChannelSecret } from '../channels/signatures';
import { sealSecret } from '../secrets/at-rest';
import { config } from '../config';
import type { RequestBody } from '../types/wire';

/** A webhook verify token for a whatsapp_cloud channel that was given none. */
const newVerifyToken = () => `wavt_${randomBytes(24).toString('base64url')}`;

/**
 * createChannel's one-time secrets: the signing secret always, and for `whatsapp` settings the access token and app
 * secret (sealed here, taken out of the stored request, so they are in clear in no command history, stored response
 * or backup) and the verify token, shown once like the signing secret. The fingerprint keeps a keyed hash of the
 * secrets, so the same key with another token is still another request.
 */
function createChannelRequest(req: AuthedRequest): { derived: Record<string, string>; signingSecret: string; verifyToken: string | null; body?: Record<string, unknown>; fingerprintBody?: Record<string, unknown> } {
  const signingSecret = newChannelSecret();
  const derived: Record<string, string> = { sealedSecret: sealSecret(signingSecret) };
  const body = req.body as RequestBody<'createChannel'>;
  if (!body.whatsapp) return { derived, signingSecret, verifyToken: null };
  const { access_token: accessToken, app_secret: appSecret, verify_token: given, ...settings } = body.whatsapp;
  const verifyToken = given ?? newVerifyToken();
  derived.sealedAccessToken = sealSecret(accessToken);
  derived.sealedAppSecret = sealSecret(appSecret);
  derived.sealedVerifyToken = sealSecret(verifyToken);
  derived.accessTokenHint = accessToken.slice(-4);
  const stored = { ...body, whatsapp: settings };
  // keyed, so that a weak verify token cannot be guessed offline from the stored fingerprint
  const secrets = createHmac('sha256', config.encryptionKeys.current).update('sabnode-channel-secrets-fingerprint/1\n').update(JSON.stringify([accessToken, appSecret, given ?? null])).digest('hex');
  return { derived, signingSecret, verifyToken: body.provider === 'whatsapp_cloud' ? verifyToken : null, body: stored, fingerprintBody: { ...stored, whatsapp: { ...settings, secrets } } };
}


export function messagingHandlers(orm: MikroORM, runCommand: RunCommand) {
  const ws = (req: AuthedRequest) => req.ctx.auth.workspaceId;
  const missing = (what: string, id: string) => new ApiError('resource_missing', `No such ${what}: '${id}'`);
  return {
    createChannel(req: AuthedRequest): Promise<HandlerResult> {
      const made = createChannelRequest(req);
      return withOneTimeSecret(req, runCommand, made.signingSecret, 'signing_secret', made.derived, { body: made.body, fingerprintBody: made.fingerprintBody, also: { verify_token: made.verifyToken } });
    },
    // authenticateWhatsApp checked the verify token and kept the challenge: it is echoed as sent, as text
    async verifyWhatsAppWebhook(req: AuthedRequest): Promise<HandlerResult> {
      const challenge = (req as AuthedRequest & { whatsappChallenge?: string }).whatsappChallenge ?? '';
      return { status: 200, body: undefined, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, stream: Readable.from([challenge]) };
    },
    // the signature held (authenticateWhatsApp) and the envelope is the spec's; the same bytes again land on the first result
    receiveWhatsAppNotification(req: AuthedRequest): Promise<HandlerResult> {
      const raw = (req as AuthedRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
      return runCommand(req, { idempotencyKey: `whatsapp:${createHash('sha256').update(raw).digest('hex')}` });
    },
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
