// Where secrets are stored sealed: the migration that sealed the rows written in clear, and `admin secrets reseal`
// after a change of SABNODE_ENCRYPTION_KEY, rewrite them here. A migration names the columns of its own time, since
// later columns do not exist yet when it runs.
type Execute = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** The signing secrets there were when they were first sealed (Migration20261202000015_secrets_at_rest). */
export const FIRST_SEALED_COLUMNS = [
  { table: 'webhook_endpoints', column: 'secret' },
  { table: 'webhook_endpoints', column: 'previous_secret' },
  { table: 'channels', column: 'signing_secret' },
  { table: 'flows', column: 'signing_secret' },
] as const;

export const SECRET_COLUMNS: readonly { table: string; column: string }[] = [
  ...FIRST_SEALED_COLUMNS,
  // whatsapp_cloud channels' Cloud API secrets (sealed since they were added)
  { table: 'channels', column: 'whatsapp_access_token' },
  { table: 'channels', column: 'whatsapp_app_secret' },
  { table: 'channels', column: 'whatsapp_verify_token' },
];

/**
 * Rewrites every stored secret `change` returns a new value for (null: leave it). Each row is updated only if it
 * still holds the value that was read, so a rotation committed meanwhile is never overwritten. Returns the count.
 * `workspaceId`: that workspace's secrets only.
 */
export async function rewriteStoredSecrets(
  execute: Execute,
  change: (stored: string) => string | null,
  workspaceId?: string,
  columns: readonly { table: string; column: string }[] = SECRET_COLUMNS,
): Promise<number> {
  let changed = 0;
  for (const { table, column } of columns) {
    const only = workspaceId ? ' and workspace_id = ?' : '';
    const rows = (await execute(`select id, ${column} as v from ${table} where ${column} is not null${only}`, workspaceId ? [workspaceId] : [])) as { id: string; v: string }[];
    for (const row of rows) {
      const next = change(row.v);
      if (next === null) continue;
      await execute(`update ${table} set ${column} = ? where id = ? and ${column} = ?`, [next, row.id, row.v]);
      changed += 1;
    }
  }
  return changed;
}
