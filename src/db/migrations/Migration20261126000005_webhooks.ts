import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000005_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table webhook_endpoints (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        url text not null,
        event_types text[] not null,
        description text,
        enabled boolean not null,
        disabled_reason text check (disabled_reason in ('manual', 'gone', 'failing')),
        secret text not null,
        previous_secret text,
        previous_secret_expires_at timestamptz(3),
        failing_since timestamptz(3),
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3)
      );`);
    this.addSql(`create index webhook_endpoints_workspace_idx on webhook_endpoints (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index webhook_endpoints_live_idx on webhook_endpoints (workspace_id) where deleted_at is null and enabled;`);
    this.addSql(`
      create table webhook_deliveries (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        endpoint_id text collate "C" not null references webhook_endpoints(id),
        event_id text collate "C" not null references events(id),
        event_type text not null,
        status text not null check (status in ('pending', 'succeeded', 'failed', 'dead')),
        attempt_count integer not null default 0,
        next_attempt_at timestamptz(3),
        last_attempt_at timestamptz(3),
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        unique (endpoint_id, event_id)
      );`);
    this.addSql(`create index webhook_deliveries_endpoint_idx on webhook_deliveries (workspace_id, endpoint_id, created_at desc, id desc);`);
    this.addSql(`
      create table webhook_attempts (
        delivery_id text collate "C" not null references webhook_deliveries(id),
        attempt integer not null,
        attempted_at timestamptz(3) not null,
        duration_ms integer not null,
        status_code integer,
        response_headers json,
        response_body text,
        error_code text,
        error_message text,
        primary key (delivery_id, attempt)
      );`);
    // the dispatcher's read position in the commit-ordered event stream of all workspaces; one row
    this.addSql(`create table webhook_dispatch_position (id integer primary key check (id = 1), txid xid8 not null, event_id text collate "C" not null);`);
    this.addSql(`insert into webhook_dispatch_position (id, txid, event_id) values (1, pg_current_xact_id(), '');`);
    this.addSql(`create index events_global_stream_idx on events (txid, id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists events_global_stream_idx;');
    this.addSql('drop table if exists webhook_dispatch_position, webhook_attempts, webhook_deliveries, webhook_endpoints cascade;');
  }
}
