import { Migration } from '@mikro-orm/migrations';

// json (not jsonb) where a stored document is replayed as written: jsonb would reorder its keys.
// Ids compare in "C" collation so keyset pagination orders them bytewise, the same in every locale.
export class Migration20261126000000_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table workspaces (
        id text collate "C" primary key,
        name text not null,
        api_version text not null,
        rate_limits jsonb not null default '{}'::jsonb,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
    this.addSql(`
      create table api_keys (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        name text not null,
        type text not null check (type in ('secret', 'publishable')),
        secret_hash text not null unique,
        secret_last4 text not null,
        scopes text[] not null,
        api_version text not null,
        expires_at timestamptz(3),
        revoked_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
    this.addSql(`create index api_keys_workspace_idx on api_keys (workspace_id, created_at desc, id desc);`);
    this.addSql(`
      create table contacts (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        phone text,
        email text,
        first_name text,
        last_name text,
        external_id text,
        attributes jsonb not null default '{}'::jsonb,
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3)
      );`);
    this.addSql(`create unique index contacts_phone_live_uq on contacts (workspace_id, phone) where deleted_at is null and phone is not null;`);
    this.addSql(`create unique index contacts_external_id_live_uq on contacts (workspace_id, external_id) where deleted_at is null and external_id is not null;`);
    this.addSql(`create index contacts_created_idx on contacts (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index contacts_updated_idx on contacts (workspace_id, updated_at desc, id desc);`);
    this.addSql(`create index contacts_email_idx on contacts (workspace_id, lower(email)) where email is not null;`);
    this.addSql(`
      create table events (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        type text not null,
        object_type text not null,
        object_id text collate "C" not null,
        sequence integer not null,
        data json not null,
        previous_attributes json,
        request_id text,
        created_at timestamptz(3) not null,
        unique (object_id, sequence)
      );`);
    this.addSql(`create index events_created_idx on events (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index events_type_idx on events (workspace_id, type, created_at desc, id desc);`);
    this.addSql(`
      create table idempotency_keys (
        id uuid primary key,
        workspace_id text collate "C" not null references workspaces(id),
        key_hash text not null,
        operation_id text not null,
        fingerprint text not null,
        request jsonb not null,
        state text not null check (state in ('pending', 'completed')),
        response_status integer,
        response_body json,
        response_headers jsonb,
        workflow_id text not null,
        created_at timestamptz(3) not null default now(),
        completed_at timestamptz(3),
        expires_at timestamptz(3) not null,
        unique (workspace_id, key_hash)
      );`);
    this.addSql(`create index idempotency_keys_expiry_idx on idempotency_keys (expires_at);`);
    // shared by every API process; unlogged: losing a second's counters in a crash is harmless
    this.addSql(`
      create unlogged table rate_limit_counters (
        bucket text not null,
        family text not null,
        window_start bigint not null,
        count integer not null,
        primary key (bucket, family, window_start)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists rate_limit_counters, idempotency_keys, events, contacts, api_keys, workspaces cascade;');
  }
}
