import { Migration } from '@mikro-orm/migrations';

// Tags, and the resumable position of the event stream (issue 3).
export class Migration20261126000003_tags extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table tags (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        name text collate "C" not null,
        contact_count integer not null default 0 check (contact_count >= 0),
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        unique (workspace_id, name)
      );`);
    this.addSql(`create index tags_created_idx on tags (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index tags_updated_idx on tags (workspace_id, updated_at desc, id desc);`);
    // A contact's tag names, sorted, kept by the tag commands: a contact page reads them with no join.
    // A constant default is a catalogue-only change, so this does not rewrite the contacts table.
    this.addSql(`alter table contacts add column tags text[] not null default '{}';`);
    this.addSql(`create index contacts_tags_idx on contacts using gin (tags);`);

    // The writing transaction's id orders the event stream. Every id below the oldest transaction still running
    // (pg_snapshot_xmin) belongs to a finished transaction, so a reader that only streams events below that horizon,
    // in (txid, id) order, never sees an event appear behind its position later: no event lost or repeated across
    // a reconnect, however commits interleave. The default fills it in for every event without the writers' help.
    // Events written before this migration all get the migration's own transaction id (stable, hence fine).
    this.addSql(`alter table events add column txid xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index events_stream_idx on events (workspace_id, txid, id);`);
    this.addSql(`create index events_txid_idx on events (txid, workspace_id);`);
    // open event streams, so the per-key cap holds across API processes; a lease not renewed for a while is stale
    this.addSql(`
      create unlogged table event_stream_leases (
        id uuid primary key,
        key_id text collate "C" not null,
        workspace_id text collate "C" not null,
        started_at timestamptz(3) not null,
        seen_at timestamptz(3) not null
      );`);
    this.addSql(`create index event_stream_leases_key_idx on event_stream_leases (key_id);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists event_stream_leases;');
    this.addSql('drop index if exists events_txid_idx, events_stream_idx;');
    this.addSql('alter table events drop column if exists txid;');
    this.addSql('drop index if exists contacts_tags_idx;');
    this.addSql('alter table contacts drop column if exists tags;');
    this.addSql('drop table if exists tags;');
  }
}
