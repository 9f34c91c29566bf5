import { Migration } from '@mikro-orm/migrations';

// API keys minted through the API (issue 8): rolling with an overlap, IP allowlists, browser origins, last use;
// the workspace's PII-read audit switch and the audit log itself.
export class Migration20261126000009_keys_audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table api_keys
        add column previous_secret_hash text unique,
        add column previous_expires_at timestamptz(3),
        add column allowed_ips inet[],
        add column allowed_origins text[],
        add column last_used_at timestamptz(3),
        add column last_used_ip text;`);
    this.addSql(`alter table workspaces add column pii_read_audit boolean not null default false;`);
    // personal data never lands here: ids, field names, who asked and from where
    this.addSql(`
      create table audit_logs (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        action text not null,
        key_id text collate "C",
        operation_id text,
        object_ids text[] not null default '{}',
        fields text[] not null default '{}',
        client_ip text,
        request_id text,
        details jsonb,
        created_at timestamptz(3) not null
      );`);
    this.addSql(`create index audit_logs_workspace_idx on audit_logs (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index audit_logs_objects_idx on audit_logs using gin (object_ids);`);
  }
}
