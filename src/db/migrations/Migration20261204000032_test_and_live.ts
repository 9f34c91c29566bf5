import { Migration } from '@mikro-orm/migrations';

// Test and live data: every workspace is its live side, and gets a test side of its own, a workspace row that names
// it in live_workspace_id. Everything a workspace holds (objects, keys, events, webhook endpoints, idempotency
// records, purges) is kept apart by workspace id already, so the two sides never see each other's.
export class Migration20261204000032_test_and_live extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table workspaces add column livemode boolean not null default true;`);
    this.addSql(`alter table workspaces add column live_workspace_id text null references workspaces (id);`);
    this.addSql(`create unique index workspaces_live_workspace_id_key on workspaces (live_workspace_id) where live_workspace_id is not null;`);
    this.addSql(`alter table workspaces add constraint workspaces_test_side_check check (livemode = (live_workspace_id is null));`);
    // the test side of each workspace there is (ids of the usual shape: ws_ and 26 of [0-9a-z])
    this.addSql(`
      insert into workspaces (id, name, api_version, rate_limits, pii_read_audit, allow_undefined_attributes, livemode, live_workspace_id, created_at, updated_at)
      select 'ws_' || substr(md5(random()::text || id || clock_timestamp()::text), 1, 26), name, api_version, rate_limits, pii_read_audit,
        allow_undefined_attributes, false, id, now(), now()
      from workspaces w where livemode and not exists (select 1 from workspaces t where t.live_workspace_id = w.id);`);
  }

  override async down(): Promise<void> {
    // refused while a test side holds anything: its data is not dropped silently
    this.addSql(`delete from workspaces where not livemode;`);
    this.addSql(`alter table workspaces drop constraint workspaces_test_side_check;`);
    this.addSql(`drop index workspaces_live_workspace_id_key;`);
    this.addSql(`alter table workspaces drop column live_workspace_id;`);
    this.addSql(`alter table workspaces drop column livemode;`);
  }
}
