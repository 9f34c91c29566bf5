// A local webhook receiver and the verification integrators use, shared by the suites that receive deliveries.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver on 127.0.0.1: each path answers as its `answer` says. */
export class Receiver {
  readonly received: Received[] = [];
  answer: (r: Received, nth: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 204 });
  private server!: Server;
  port = 0;
  async start(host = '127.0.0.1'): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const r = { path: req.url ?? '/', headers: req.headers, body };
        this.received.push(r);
        const out = this.answer(r, this.received.filter((x) => x.path === r.path).length);
        // status 0: never answer (a receiver that hangs)
        if (out.status === 0) return;
        res.writeHead(out.status, out.headers ?? {}).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => this.server.listen(0, host, r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }
  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }
  close(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }
}

/** Verification by the public `standardwebhooks` library, the one integrators use; nothing from src/. */
export function verify(secret: string, headers: IncomingHttpHeaders, body: string): unknown {
  const h = { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) };
  return new Webhook(secret).verify(body, h);
}
