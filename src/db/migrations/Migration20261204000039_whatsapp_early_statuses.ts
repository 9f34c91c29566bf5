import { Migration } from '@mikro-orm/migrations';

// A WhatsApp status can reach the webhook before the sender has recorded the wamid it names (answers are recorded in
// groups). Such a status is held here for a few minutes and applied when the sender records its message.
export class Migration20261204000039_whatsapp_early_statuses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table whatsapp_early_statuses (
        workspace_id text collate "C" not null references workspaces(id),
        channel_id text collate "C" not null references channels(id),
        provider_message_id text not null,
        status text not null check (status in ('sent', 'delivered', 'read', 'failed')),
        extra jsonb not null default '{}'::jsonb,
        received_at timestamptz(3) not null,
        primary key (channel_id, provider_message_id, status)
      );`);
    this.addSql(`create index whatsapp_early_statuses_received_idx on whatsapp_early_statuses (channel_id, received_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table whatsapp_early_statuses;`);
  }
}
