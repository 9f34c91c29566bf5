import { Migration } from '@mikro-orm/migrations';

// OAuth 2 apps (a workspace registers them; any workspace of the same mode may connect them) and what the
// authorization server keeps: grants, sessions, interactions, codes and tokens. A token's row id is the SHA-256 of
// its value, so the database never holds a usable bearer; rows die at `expires_at` and are swept.
export class Migration20261204000034_oauth_apps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table oauth_apps (
        id text primary key,
        workspace_id text not null references workspaces (id),
        name text not null,
        redirect_uris text[] not null,
        scopes text[] not null,
        api_version text not null,
        secret_hash text not null,
        secret_last4 text not null,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3)
      );`);
    this.addSql(`create index oauth_apps_workspace_created_idx on oauth_apps (workspace_id, created_at desc, id desc);`);
    this.addSql(`
      create table oauth_store (
        kind text not null,
        id text not null,
        payload jsonb not null,
        grant_id text,
        uid text,
        client_id text,
        account_id text,
        expires_at timestamptz(3),
        consumed_at timestamptz(3),
        primary key (kind, id)
      );`);
    this.addSql(`create index oauth_store_grant_idx on oauth_store (grant_id) where grant_id is not null;`);
    this.addSql(`create unique index oauth_store_uid_idx on oauth_store (kind, uid) where uid is not null;`);
    this.addSql(`create index oauth_store_client_idx on oauth_store (client_id) where client_id is not null;`);
    this.addSql(`create index oauth_store_expires_idx on oauth_store (expires_at) where expires_at is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table oauth_store;`);
    this.addSql(`drop table oauth_apps;`);
  }
}
