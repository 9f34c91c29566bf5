// Operator CLI against DATABASE_URL (the dev stack's PostgreSQL by default).
//   npm run admin -- workspaces create --name Acme [--rate-limit 500] --json
//   npm run admin -- keys create --workspace ws_… --scopes contacts:read,pii:read [--api-version 2025-06-01] --json
//   npm run admin -- keys create --workspace ws_… --type publishable --json      (pk_…, templates:read)
//   npm run admin -- keys revoke --key key_…
import { parseArgs } from 'node:util';
import { ALL_SCOPES, createApiKey, createWorkspace, revokeApiKey } from '../src/admin';
import { openOrm } from '../src/db/orm';

async function main(): Promise<void> {
  const [resource, action, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      workspace: { type: 'string' },
      scopes: { type: 'string' },
      type: { type: 'string', default: 'secret' },
      key: { type: 'string' },
      'api-version': { type: 'string' },
      'rate-limit': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const orm = await openOrm();
  try {
    let out: Record<string, string>;
    if (resource === 'workspaces' && action === 'create') {
      if (!values.name) throw new Error('--name is required');
      const workspaceId = await createWorkspace(orm, {
        name: values.name,
        rateLimits: values['rate-limit'] ? { default: Number(values['rate-limit']) } : undefined,
        apiVersion: values['api-version'],
      });
      const key = await createApiKey(orm, { workspaceId, scopes: ALL_SCOPES, name: 'owner' });
      out = { workspace_id: workspaceId, api_key: key.secret };
    } else if (resource === 'keys' && action === 'create') {
      if (!values.workspace) throw new Error('--workspace is required');
      if (values.type !== 'secret' && values.type !== 'publishable') throw new Error('--type is secret or publishable');
      // without --scopes: every scope for a secret key, the publishable scopes for a publishable one
      const scopes = values.scopes ? values.scopes.split(',').map((s) => s.trim()).filter(Boolean) : values.type === 'secret' ? ALL_SCOPES : undefined;
      const key = await createApiKey(orm, { workspaceId: values.workspace, type: values.type, scopes, apiVersion: values['api-version'] });
      out = { key_id: key.keyId, api_key: key.secret, type: values.type };
    } else if (resource === 'keys' && action === 'revoke') {
      if (!values.key) throw new Error('--key is required');
      await revokeApiKey(orm, values.key);
      out = { key_id: values.key, revoked: 'true' };
    } else {
      throw new Error('usage: admin workspaces create --name N | keys create --workspace ws_… [--type secret|publishable] [--scopes a,b] | keys revoke --key key_…');
    }
    console.log(values.json ? JSON.stringify(out) : Object.entries(out).map(([k, v]) => `${k}: ${v}`).join('\n'));
  } finally {
    await orm.close();
  }
}

main().catch((err: Error) => {
  console.error(`admin: ${err.message}`);
  process.exit(1);
});
