import { ApplicationFailure } from '@temporalio/common';
import type { Channel } from '../db/entities';
import { postOutbound } from '../outbound/sender';
import { SIGNATURE_HEADER, signBody } from './signatures';
import { openSecret } from '../secrets/at-rest';

const PROVIDER_TIMEOUT_MS = 5_000;
// a provider's answer is read this far (its message id is near the start); the rest is never read
const PROVIDER_ANSWER_BYTES = 16 * 1024;

export interface OutboundMessage {
  id: string;
  to: string | null;
  type: 'text' | 'template' | 'media';
  text: string | null;
  templateId: string | null;
  parameters: string[] | null;
  fileId: string | null;
}

/** One adapter per channel provider; the delivery workflow speaks only this interface. */
export interface ChannelProvider {
  send(channel: Channel, message: OutboundMessage): Promise<{ providerMessageId: string }>;
  /** receipts the platform simulates itself (the sandbox); providers that call back return null */
  simulatedReceipts(): { deliveredAfterMs: number; readAfterMs: number } | null;
}

const sandbox: ChannelProvider = {
  async send(_channel, message) {
    return { providerMessageId: `sbx_${message.id}` };
  },
  simulatedReceipts() {
    return { deliveredAfterMs: Number(process.env.SANDBOX_DELIVERED_AFTER_MS ?? 1500), readAfterMs: Number(process.env.SANDBOX_READ_AFTER_MS ?? 4000) };
  },
};

const http: ChannelProvider = {
  async send(channel, message) {
    const body = JSON.stringify({
      id: message.id,
      to: message.to,
      type: message.type,
      text: message.text,
      template_id: message.templateId,
      parameters: message.parameters,
      file_id: message.fileId,
    });
    const outcome = await postOutbound(channel.url!, {
      headers: {
        'user-agent': 'SabNode-Channels/1',
        // the provider can drop a resend of the same message after a crash between its answer and our commit
        'idempotency-key': message.id,
        [SIGNATURE_HEADER]: signBody(openSecret(channel.signingSecret), body),
      },
      body,
      timeoutMs: PROVIDER_TIMEOUT_MS,
      maxResponseBytes: PROVIDER_ANSWER_BYTES,
    });
    // a URL that may not be called stays so: final, and nothing of it is kept but the reason
    if (outcome.error?.code === 'address_not_allowed') throw ApplicationFailure.nonRetryable(`refused: ${outcome.error.message}`, 'address_not_allowed');
    if (outcome.error || outcome.statusCode === null) throw new Error(`provider unreachable: ${outcome.error?.message ?? 'no answer'}`);
    const status = outcome.statusCode;
    if (status >= 200 && status < 300) {
      let providerId: unknown;
      try {
        const json = JSON.parse(outcome.body ?? '') as { provider_message_id?: unknown; id?: unknown };
        providerId = json.provider_message_id ?? json.id;
      } catch {
        providerId = undefined;
      }
      return { providerMessageId: typeof providerId === 'string' && providerId ? providerId.slice(0, 200) : `http_${message.id}` };
    }
    // a redirect is never followed, and a retry would meet the same one
    if (status >= 300 && status < 400) throw ApplicationFailure.nonRetryable(`provider answered HTTP ${status}; redirects are not followed`, 'provider_rejected');
    // a refusal is final; timeouts, throttling and server errors are retried by Temporal
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      throw ApplicationFailure.nonRetryable(`provider refused the message with HTTP ${status}`, 'provider_rejected');
    }
    throw new Error(`provider answered HTTP ${status}`);
  },
  simulatedReceipts() {
    return null;
  },
};

export const PROVIDERS: Record<Channel['provider'], ChannelProvider> = { sandbox, http };
