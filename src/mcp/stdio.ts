// `npm run mcp`: the MCP server over stdio, for an agent host that starts it as a subprocess. It calls the REST API
// at SABNODE_API_URL with SABNODE_API_KEY (a secret key, `sk_…`), so it sees exactly what that key may see. Nothing
// but the protocol is written to stdout.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { mcpServer } from './server';

async function main(): Promise<void> {
  const key = process.env.SABNODE_API_KEY;
  if (!key) {
    process.stderr.write('SABNODE_API_KEY is not set: give the MCP server the secret key (sk_…) it acts with\n');
    process.exit(2);
  }
  const baseUrl = (process.env.SABNODE_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`).replace(/\/+$/, '');
  const server = mcpServer({ baseUrl, authorization: `Bearer ${key}` });
  await server.connect(new StdioServerTransport());
}

main().catch((err: unknown) => {
  process.stderr.write(`MCP server stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
