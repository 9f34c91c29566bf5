import { Migration } from '@mikro-orm/migrations';

// Personal data by scope: idempotency records belong to the key (or the provider callback's channel) that made them,
// a webhook endpoint holds the PII permission of the key that made or last changed it, and event-stream slots are
// counted per workspace too.
export class Migration20261202000014_pii_scope extends Migration {
  override async up(): Promise<void> {
    // every stored request names its key (a provider callback's: its channel). The API always sets it; it stays
    // nullable so that backups taken before this column can still be restored and rewritten (such rows, owned by
    // no one, are never replayed again)
    this.addSql(`alter table idempotency_keys add column owner_id text collate "C";`);
    this.addSql(`update idempotency_keys set owner_id = request->>'keyId';`);
    this.addSql(`alter table idempotency_keys drop constraint idempotency_keys_workspace_id_key_hash_key;`);
    this.addSql(`alter table idempotency_keys add constraint idempotency_keys_owner_key_unique unique (workspace_id, owner_id, key_hash);`);
    // endpoints made before this: masked until a key with pii:read updates them
    this.addSql(`alter table webhook_endpoints add column pii_read boolean not null default false, add column pii_key_id text collate "C";`);
    // events already written show their endpoint as it is now described (pii_read is a required field of it)
    this.addSql(`update events set data = jsonb_set(data::jsonb, '{object,pii_read}', 'false')::json
      where object_type = 'webhook_endpoint' and json_typeof(data->'object') = 'object'
        and not ((data->'object')::jsonb ? 'pii_read') and not ((data->'object')::jsonb ? 'deleted');`);
    this.addSql(`create index event_stream_leases_workspace_idx on event_stream_leases (workspace_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index event_stream_leases_workspace_idx;`);
    this.addSql(`alter table webhook_endpoints drop column pii_read, drop column pii_key_id;`);
    this.addSql(`alter table idempotency_keys drop constraint idempotency_keys_owner_key_unique;`);
    this.addSql(`alter table idempotency_keys add constraint idempotency_keys_workspace_id_key_hash_key unique (workspace_id, key_hash);`);
    this.addSql(`alter table idempotency_keys drop column owner_id;`);
  }
}
