// A stand-in for the front door of a TLS-secured Temporal cluster or Temporal Cloud, in front of the test stack's
// plaintext dev server: it terminates TLS (optionally requiring a client certificate), refuses calls without the
// expected API key as the Cloud does (gRPC status 16, UNAUTHENTICATED) and forwards every other call over HTTP/2,
// trailers included. It records each call's method and whether it carried the key.
import http2 from 'node:http2';
import type { TLSSocket } from 'node:tls';

export interface ProxiedCall {
  method: string;
  apiKey: boolean;
  clientCert: boolean;
  /** the `temporal-namespace` header, if any */
  namespace?: string;
}

export interface GrpcTlsProxy {
  address: string;
  calls: ProxiedCall[];
  close(): Promise<void>;
}

const { HTTP2_HEADER_STATUS, NGHTTP2_CANCEL, NGHTTP2_INTERNAL_ERROR } = http2.constants;

export async function startGrpcTlsProxy(opts: { upstream: string; cert: Buffer; key: Buffer; clientCa?: Buffer; apiKey?: string }): Promise<GrpcTlsProxy> {
  const upstream = http2.connect(`http://${opts.upstream}`);
  upstream.on('error', () => undefined);
  const calls: ProxiedCall[] = [];
  const server = http2.createSecureServer({
    cert: opts.cert,
    key: opts.key,
    allowHTTP1: false,
    ...(opts.clientCa ? { ca: opts.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
  });
  server.on('stream', (stream, headers) => {
    stream.on('error', () => undefined);
    const socket = stream.session?.socket as TLSSocket | undefined;
    const call: ProxiedCall = {
      method: String(headers[':path']).split('/').pop() ?? '',
      apiKey: opts.apiKey !== undefined && headers.authorization === `Bearer ${opts.apiKey}`,
      clientCert: Boolean(socket?.authorized && socket.getPeerCertificate()?.subject),
      namespace: headers['temporal-namespace'] as string | undefined,
    };
    calls.push(call);
    if (opts.apiKey !== undefined && !call.apiKey) {
      stream.respond({ [HTTP2_HEADER_STATUS]: 200, 'content-type': 'application/grpc', 'grpc-status': '16', 'grpc-message': 'Request unauthorized' }, { endStream: true });
      return;
    }
    const forward: http2.OutgoingHttpHeaders = {};
    for (const name of Object.keys(headers)) if (name !== ':scheme' && name !== ':authority') forward[name] = headers[name];
    const req = upstream.request(forward);
    req.on('error', () => {
      if (!stream.closed) stream.close(NGHTTP2_INTERNAL_ERROR);
    });
    stream.on('close', () => {
      if (!req.closed) req.close(NGHTTP2_CANCEL);
    });
    stream.pipe(req);
    let trailers: http2.IncomingHttpHeaders = {};
    req.on('trailers', (t) => (trailers = t));
    req.on('response', (responseHeaders, flags) => {
      if (stream.closed) return;
      const out: http2.OutgoingHttpHeaders = {};
      for (const name of Object.keys(responseHeaders)) out[name] = responseHeaders[name];
      if (flags & http2.constants.NGHTTP2_FLAG_END_STREAM) {
        // trailers-only response (how gRPC answers most errors)
        stream.respond(out, { endStream: true });
        req.resume();
        return;
      }
      stream.respond(out, { waitForTrailers: true });
      stream.on('wantTrailers', () => {
        const t: http2.OutgoingHttpHeaders = {};
        for (const name of Object.keys(trailers)) t[name] = trailers[name];
        stream.sendTrailers(t);
      });
      req.pipe(stream);
    });
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  server.on('sessionError', () => undefined);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    calls,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // open sessions (a worker's long polls) would hold close() forever
        for (const s of sessions) s.destroy();
      });
      upstream.destroy();
    },
  };
}
