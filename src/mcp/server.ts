// One MCP server over the generated tools, for either transport: stdio (`npm run mcp`) and streamable HTTP (`/mcp`).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { spec } from '../spec';
import { callTool, toolsFor, type ToolCaller } from './tools';

/** Bounds a tool call's REST request: longer than any command waits for its answer. */
const TOOL_CALL_TIMEOUT_MS = 60_000;

export function mcpServer(caller: ToolCaller): Server {
  const server = new Server(
    { name: 'sabnode', version: (spec.info as { version: string }).version },
    {
      capabilities: { tools: {} },
      instructions:
        'SabNode: contacts, conversations, template messages, broadcasts and privacy purges of one workspace. ' +
        'A tool that changes data takes an idempotency_key: reuse it when you retry the same call, and it takes effect once.',
    },
  );
  const tools = toolsFor(caller.scopes);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema,
      annotations: { title: t.title, readOnlyHint: t.readOnly, destructiveHint: t.destructive, idempotentHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = tools.find((t) => t.name === request.params.name);
    if (!tool) return { content: [{ type: 'text', text: `No tool ${String(request.params.name).slice(0, 64)} for this key; its tools: ${tools.map((t) => t.name).join(', ') || 'none'}` }], isError: true };
    const signal = AbortSignal.any([extra.signal, AbortSignal.timeout(TOOL_CALL_TIMEOUT_MS)]);
    return callTool(tool, request.params.arguments ?? {}, caller, signal);
  });
  return server;
}
