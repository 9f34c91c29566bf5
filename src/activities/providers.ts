import { ApplicationFailure } from '@temporalio/common';
import type { Channel } from '../db/entities';
import { SIGNATURE_HEADER, signBody } from '../signatures';
import { openSecret } from '../secrets/at-rest';

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
    let res: Response;
    try {
      res = await fetch(channel.url!, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(5_000),
        headers: {
          'Content-Type': 'application/json',
          // the provider can drop a resend of the same message after a crash between its answer and our commit
          'Idempotency-Key': message.id,
          [SIGNATURE_HEADER]: signBody(openSecret(channel.signingSecret), body),
        },
      });
    } catch (err) {
      throw new Error(`provider unreachable: ${(err as Error).name}`);
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300) {
      let providerId: unknown;
      try {
        const json = JSON.parse(text) as { provider_message_id?: unknown; id?: unknown };
        providerId = json.provider_message_id ?? json.id;
      } catch {
        providerId = undefined;
      }
      return { providerMessageId: typeof providerId === 'string' && providerId ? providerId.slice(0, 200) : `http_${message.id}` };
    }
    // a refusal is final; timeouts, throttling and server errors are retried by Temporal
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      throw ApplicationFailure.nonRetryable(`provider refused the message with HTTP ${res.status}`, 'provider_rejected');
    }
    throw new Error(`provider answered HTTP ${res.status}`);
  },
  simulatedReceipts() {
    return null;
  },
};

export const PROVIDERS: Record<Channel['provider'], ChannelProvider> = { sandbox, http };
