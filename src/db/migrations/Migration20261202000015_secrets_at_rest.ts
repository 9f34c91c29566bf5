import { Migration } from '@mikro-orm/migrations';
import { isSealed, openSecret, sealSecret } from '../../secrets/at-rest';
import { FIRST_SEALED_COLUMNS, rewriteStoredSecrets } from '../../secrets/stored';

// Signing secrets are encrypted at rest (src/secrets/at-rest.ts). Existing rows are encrypted here, in the
// application (PostgreSQL never sees SABNODE_ENCRYPTION_KEY), so no plaintext secret is left in the tables nor in
// the backups taken from now on; the migration therefore needs the same SABNODE_ENCRYPTION_KEY as the API and the
// worker. Reading still accepts unprefixed plaintext, which a worker of the previous release may write during a
// rollout. Stored idempotent responses of the commands that made secrets lose them: a replay answers null anyway.
// Also the per-workspace hourly window of webhook replays (WEBHOOK_REPLAYS_PER_HOUR).
const RESPONSES = [
  { operation: 'createWebhookEndpoint', field: 'secret' },
  { operation: 'rotateWebhookEndpointSecret', field: 'secret' },
  { operation: 'createChannel', field: 'signing_secret' },
  { operation: 'createFlow', field: 'signing_secret' },
];

export class Migration20261202000015_secrets_at_rest extends Migration {
  private rewrite(change: (stored: string) => string | null): Promise<number> {
    return rewriteStoredSecrets((sql, params) => this.execute(sql, params), change, undefined, FIRST_SEALED_COLUMNS);
  }

  override async up(): Promise<void> {
    await this.rewrite((v) => (isSealed(v) ? null : sealSecret(v)));
    for (const { operation, field } of RESPONSES) {
      await this.execute(
        `update idempotency_keys set response_body = jsonb_set(response_body::jsonb, '{${field}}', 'null'::jsonb)::json
         where operation_id = ? and json_typeof(response_body) = 'object' and json_typeof(response_body->'${field}') = 'string'`,
        [operation],
      );
    }
    await this.execute(`alter table workspaces add column if not exists webhook_replay_window_start timestamptz(3), add column if not exists webhook_replay_count integer not null default 0`);
  }

  override async down(): Promise<void> {
    await this.execute(`alter table workspaces drop column webhook_replay_window_start, drop column webhook_replay_count`);
    await this.rewrite((v) => (isSealed(v) ? openSecret(v) : null));
  }
}
