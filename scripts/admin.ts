// Operator CLI against DATABASE_URL (the dev stack's PostgreSQL by default).
//   npm run admin -- workspaces create --name Acme [--rate-limit 500] --json
//   npm run admin -- keys create --workspace ws_… --scopes contacts:read,pii:read [--api-version 2025-06-01] --json
//   npm run admin -- keys create --workspace ws_… --type publishable --json      (pk_…, templates:read)
//   npm run admin -- keys create --workspace ws_… --test --json                  (sk_test_…: the workspace's test side)
//   npm run admin -- keys revoke --key key_…
//   npm run admin -- privacy purge --workspace ws_… --phone +91… | --email a@b.c | --contact ctc_…
//   npm run admin -- privacy status prg_…                   (the purge certificate, as JSON)
//   npm run admin -- backups take [--workspace ws_…] | list | restore bkp_… [--workspace ws_…]   (a restore merges: rows absent today only,
//                                                   then every purge again; refused under another PURGE_HASH_SECRET)
//   npm run admin -- secrets reseal [--workspace ws_…]      (after a change of SABNODE_ENCRYPTION_KEY)
import { parseArgs } from 'node:util';
import { ALL_SCOPES, createApiKey, createWorkspace, revokeApiKey, testSideOf } from '../src/admin';
import { openOrm } from '../src/db/orm';
import { config } from '../src/config';
import { temporalClient } from '../src/engine/temporal';
import { purgeStatus, startPurge } from '../src/privacy/admin';
import { listBackups, restoreBackup, takeBackup } from '../src/privacy/backups';
import { resealSecret } from '../src/secrets/at-rest';
import { rewriteStoredSecrets } from '../src/secrets/stored';

async function main(): Promise<void> {
  const [resource, action, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      phone: { type: 'string' },
      email: { type: 'string' },
      contact: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string' },
      scopes: { type: 'string' },
      type: { type: 'string', default: 'secret' },
      key: { type: 'string' },
      'api-version': { type: 'string' },
      'rate-limit': { type: 'string' },
      json: { type: 'boolean', default: false },
      test: { type: 'boolean', default: false },
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
      const testWorkspaceId = await testSideOf(orm, workspaceId);
      const testKey = await createApiKey(orm, { workspaceId: testWorkspaceId, scopes: ALL_SCOPES, name: 'owner (test)' });
      out = { workspace_id: workspaceId, api_key: key.secret, test_workspace_id: testWorkspaceId, test_api_key: testKey.secret };
    } else if (resource === 'keys' && action === 'create') {
      if (!values.workspace) throw new Error('--workspace is required');
      if (values.type !== 'secret' && values.type !== 'publishable') throw new Error('--type is secret or publishable');
      // without --scopes: every scope for a secret key, the publishable scopes for a publishable one
      const scopes = values.scopes ? values.scopes.split(',').map((s) => s.trim()).filter(Boolean) : values.type === 'secret' ? ALL_SCOPES : undefined;
      // --test: a key of the workspace's test side (--workspace names the live side)
      const workspaceId = values.test ? await testSideOf(orm, values.workspace) : values.workspace;
      const key = await createApiKey(orm, { workspaceId, type: values.type, scopes, apiVersion: values['api-version'] });
      out = { key_id: key.keyId, api_key: key.secret, type: values.type };
    } else if (resource === 'keys' && action === 'revoke') {
      if (!values.key) throw new Error('--key is required');
      await revokeApiKey(orm, values.key);
      out = { key_id: values.key, revoked: 'true' };
    } else if (resource === 'secrets' && action === 'reseal') {
      // every signing secret sealed under the current SABNODE_ENCRYPTION_KEY, so the previous keys can be retired
      const conn = orm.em.getConnection();
      const resealed = await rewriteStoredSecrets((sql, params) => conn.execute(sql, params), (v) => {
        const next = resealSecret(v);
        return next === v ? null : next;
      }, values.workspace);
      console.log(JSON.stringify({ resealed }));
      return;
    } else if (resource === 'privacy' || resource === 'backups') {
      // these print JSON documents (a purge certificate, backup manifests)
      console.log(JSON.stringify(await privacyCommand(orm, resource, action, values, positionals), null, 2));
      return;
    } else {
      throw new Error('usage: admin workspaces create --name N | keys create --workspace ws_… [--type secret|publishable] [--scopes a,b] [--test] | keys revoke --key key_… | secrets reseal [--workspace ws_…]');
    }
    console.log(values.json ? JSON.stringify(out) : Object.entries(out).map(([k, v]) => `${k}: ${v}`).join('\n'));
  } finally {
    await orm.close();
  }
}

async function privacyCommand(
  orm: Awaited<ReturnType<typeof openOrm>>,
  resource: string,
  action: string | undefined,
  values: { workspace?: string; phone?: string; email?: string; contact?: string },
  positionals: string[],
): Promise<unknown> {
  if (resource === 'privacy' && action === 'purge') {
    if (!values.workspace) throw new Error('--workspace is required');
    const given = (['phone', 'email', 'contact'] as const).filter((k) => values[k] !== undefined);
    if (given.length !== 1) throw new Error('name exactly one of --phone, --email, --contact');
    const field = given[0] === 'contact' ? 'contact_id' : given[0];
    const { client, connection } = temporalClient();
    try {
      return await startPurge(orm, client, values.workspace, { [field]: values[given[0]] });
    } finally {
      await connection.close();
    }
  }
  if (resource === 'privacy' && action === 'status') {
    const purge = positionals[0] && (await purgeStatus(orm, positionals[0]));
    if (!purge) throw new Error(`no purge ${positionals[0] ?? '(give its prg_ id)'}`);
    return purge;
  }
  if (resource === 'backups' && action === 'take') return takeBackup(orm, config.backups.dir, values.workspace ? [values.workspace] : undefined);
  if (resource === 'backups' && action === 'list') return listBackups(config.backups.dir);
  if (resource === 'backups' && action === 'restore') {
    if (!positionals[0]) throw new Error('backups restore needs the backup id');
    return restoreBackup(orm, config.backups.dir, positionals[0], values.workspace ? [values.workspace] : undefined);
  }
  throw new Error('usage: admin privacy purge --workspace ws_… --phone P | --email E | --contact ctc_… | privacy status prg_… | backups take [--workspace ws_…] | list | restore bkp_… [--workspace ws_…]');
}

main().catch((err: Error) => {
  console.error(`admin: ${err.message}`);
  process.exit(1);
});
