import { Migration } from '@mikro-orm/migrations';

// Broadcasts (issue 4): one template message to an audience, snapshotted into broadcast_recipients and sent in batches.
export class Migration20261126000008_broadcasts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table broadcasts (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        name text not null,
        channel_id text collate "C" not null,
        template_id text collate "C" not null,
        parameters jsonb not null,
        audience jsonb not null,
        status text not null check (status in ('draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled')),
        scheduled_at timestamptz(3),
        rate_per_second integer not null,
        total integer,
        version integer not null,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        started_at timestamptz(3),
        completed_at timestamptz(3),
        cancelled_at timestamptz(3)
      );`);
    this.addSql(`create index broadcasts_created_idx on broadcasts (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index broadcasts_updated_idx on broadcasts (workspace_id, updated_at desc, id desc);`);
    // One row per recipient, written once by the snapshot. A batch sets state, message_id and batch in the transaction
    // that creates the message, so a retried batch finds its rows done and creates nothing twice.
    this.addSql(`
      create table broadcast_recipients (
        broadcast_id text collate "C" not null references broadcasts(id) on delete cascade,
        seq integer not null,
        workspace_id text collate "C" not null,
        contact_id text collate "C" not null,
        state text not null check (state in ('pending', 'messaged', 'skipped', 'cancelled')),
        message_id text collate "C",
        skip_reason text,
        batch integer,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        primary key (broadcast_id, seq),
        unique (broadcast_id, contact_id)
      );`);
    this.addSql(`create index broadcast_recipients_pending_idx on broadcast_recipients (broadcast_id, seq) where state = 'pending';`);
    this.addSql(`create index broadcast_recipients_batch_idx on broadcast_recipients (broadcast_id, batch) where batch is not null;`);
    this.addSql(`create unique index broadcast_recipients_message_idx on broadcast_recipients (message_id) where message_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists broadcast_recipients, broadcasts;');
  }
}
