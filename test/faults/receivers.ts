// The two outside parties of the fault run, as local HTTP servers on 127.0.0.1: a webhook receiver that checks every
// call's Standard Webhooks signature, and an http channel provider that checks our signature on every message.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { SIGNATURE_HEADER, verifyBodySignature } from '../../src/channels/signatures';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export interface WebhookReceiver {
  url: string;
  /** the endpoint's secret, known once the endpoint is created */
  setSecret(secret: string): void;
  /** verified calls per event id */
  byEvent: Map<string, number>;
  /** verified calls in all */
  calls(): number;
  /** calls whose signature was missing or did not verify */
  invalid(): number;
  /** calls answered 503 on purpose (first attempt of every tenth event), to make the timetable retry */
  refused(): number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  const byEvent = new Map<string, number>();
  let calls = 0;
  let invalid = 0;
  let refused = 0;
  let seen = 0;
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        let event: { id?: string };
        try {
          if (!verifier) throw new Error('no secret yet');
          event = verifier.verify(body.toString('utf8'), {
            'webhook-id': String(req.headers['webhook-id'] ?? ''),
            'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
            'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
          }) as { id?: string };
        } catch {
          invalid++;
          res.writeHead(400).end();
          return;
        }
        const id = String(event.id);
        if (!byEvent.has(id) && ++seen % 10 === 0) {
          // remembered as seen but refused: only a later attempt counts as its delivery
          byEvent.set(id, 0);
          refused++;
          res.writeHead(503, { 'Retry-After': '1' }).end();
          return;
        }
        byEvent.set(id, (byEvent.get(id) ?? 0) + 1);
        calls++;
        res.writeHead(204).end();
      },
      () => res.destroy(),
    );
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    setSecret(secret) {
      verifier = new Webhook(secret);
    },
    byEvent,
    calls: () => calls,
    invalid: () => invalid,
    refused: () => refused,
    close: () => close(server),
  };
}

export interface ProviderServer {
  url: string;
  setSecret(secret: string): void;
  /** distinct message ids handed over, per recipient phone */
  messagesTo: Map<string, Set<string>>;
  calls(): number;
  invalid(): number;
  close(): Promise<void>;
}

/** An http channel provider: accepts every correctly signed message, remembers which message went to whom. */
export async function startProvider(): Promise<ProviderServer> {
  let secret: string | null = null;
  const messagesTo = new Map<string, Set<string>>();
  let calls = 0;
  let invalid = 0;
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
        if (!secret || !verifyBodySignature(secret, typeof header === 'string' ? header : undefined, body)) {
          invalid++;
          res.writeHead(401).end();
          return;
        }
        const message = JSON.parse(body.toString('utf8')) as { id: string; to: string };
        calls++;
        const ids = messagesTo.get(message.to) ?? new Set<string>();
        ids.add(message.id);
        messagesTo.set(message.to, ids);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ provider_message_id: `prov_${message.id}` }));
      },
      () => res.destroy(),
    );
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/messages`,
    setSecret(s) {
      secret = s;
    },
    messagesTo,
    calls: () => calls,
    invalid: () => invalid,
    close: () => close(server),
  };
}
