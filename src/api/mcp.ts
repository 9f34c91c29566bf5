// `/mcp`: the MCP server over streamable HTTP (stateless: each POST is a whole exchange, answered as JSON). The
// caller authenticates as on any operation (a secret key); each tool call is then the REST request it describes,
// sent by this process to its own listener with the caller's credential and address, so scopes, masking, rate
// limits, idempotency and audit are the API's own.
import { isIP } from 'node:net';
import type { Request } from 'express';
import type express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ApiError } from '../errors';
import type { Operation } from '../spec';
import { mcpServer } from '../mcp/server';
import { authenticate, type AuthDeps } from './auth';
import { onBehalfOf } from './client-address';
import { wrap } from './context';
import { parseJsonBytes, readJsonBytes } from './json-body';

/** The MCP endpoint as the authentication reads an operation: a secret key, no scope of its own, its own budget. */
const MCP_ENDPOINT: Operation = {
  operationId: 'mcp',
  method: 'post',
  path: '/mcp',
  expressPath: '/mcp',
  scopes: [],
  rateLimitFamily: 'mcp',
  hasBody: true,
  multipart: false,
  isPublic: false,
  auth: 'key',
  publishable: false,
  read: true,
  mcpTool: null,
};

/** This process's own listener, as the caller reached it. */
function ownBaseUrl(req: Request): string {
  const local = req.socket.localAddress ?? '127.0.0.1';
  const address = local.startsWith('::ffff:') && isIP(local.slice(7)) === 4 ? local.slice(7) : local;
  return `http://${isIP(address) === 6 ? `[${address}]` : address}:${req.socket.localPort}`;
}


export function serveMcp(app: express.Express, auth: AuthDeps): void {
  const exchange = wrap(async (req, res) => {
    const caller = req.ctx.auth!;
    const server = mcpServer({
      baseUrl: ownBaseUrl(req),
      authorization: req.get('authorization')!,
      headers: onBehalfOf(req.ctx.clientAddress!),
      scopes: caller.scopes,
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  app.post('/mcp', wrap(authenticate(auth, MCP_ENDPOINT)), readJsonBytes, parseJsonBytes, exchange);
  // stateless: no server-sent stream to open (GET) and no session to end (DELETE)
  app.all(
    '/mcp',
    wrap(() => {
      throw new ApiError('method_not_allowed', 'Allowed: POST (the MCP streamable HTTP transport, stateless)', {}, { Allow: 'POST' });
    }),
  );
}
