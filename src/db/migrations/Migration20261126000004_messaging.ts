import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000004_messaging extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table contacts add column opted_in_at timestamptz(3), add column opted_out_at timestamptz(3);`);
    this.addSql(`
      create table channels (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        name text not null,
        provider text not null check (provider in ('sandbox', 'http')),
        url text,
        signing_secret text not null,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null
      );`);
    this.addSql(`create index channels_workspace_idx on channels (workspace_id, created_at desc, id desc);`);
    this.addSql(`
      create table conversations (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        contact_id text collate "C" not null references contacts(id),
        channel_id text collate "C" not null references channels(id),
        status text not null check (status in ('open', 'closed')),
        assignee text,
        last_inbound_at timestamptz(3),
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null
      );`);
    // at most one open conversation per contact and channel: inbound messages reuse it
    this.addSql(`create unique index conversations_open_uq on conversations (contact_id, channel_id) where status = 'open';`);
    this.addSql(`create index conversations_created_idx on conversations (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index conversations_contact_idx on conversations (workspace_id, contact_id, created_at desc, id desc);`);
    this.addSql(`
      create table messages (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        conversation_id text collate "C" not null references conversations(id),
        contact_id text collate "C" not null references contacts(id),
        channel_id text collate "C" not null references channels(id),
        direction text not null check (direction in ('inbound', 'outbound')),
        type text not null check (type in ('text', 'template', 'media')),
        text text,
        template_id text collate "C",
        parameters json,
        file_id text collate "C",
        status text not null check (status in ('queued', 'sent', 'delivered', 'read', 'failed', 'received')),
        failure_reason text,
        provider_message_id text,
        queued_at timestamptz(3),
        sent_at timestamptz(3),
        delivered_at timestamptz(3),
        read_at timestamptz(3),
        failed_at timestamptz(3),
        received_at timestamptz(3),
        version integer not null default 1,
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null
      );`);
    this.addSql(`create index messages_conversation_idx on messages (workspace_id, conversation_id, created_at desc, id desc);`);
    this.addSql(`create index messages_contact_idx on messages (workspace_id, contact_id, created_at desc, id desc);`);
    this.addSql(`create unique index messages_provider_uq on messages (channel_id, direction, provider_message_id) where provider_message_id is not null;`);
    // follow-up workflows a command asks for (a message's delivery), replayed to a retried command workflow
    this.addSql(`alter table idempotency_keys add column follow_ups json;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table idempotency_keys drop column follow_ups;');
    this.addSql('drop table if exists messages, conversations, channels cascade;');
    this.addSql('alter table contacts drop column opted_in_at, drop column opted_out_at;');
  }
}
