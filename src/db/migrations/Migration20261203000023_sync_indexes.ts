import { Migration } from '@mikro-orm/migrations';

// Every list syncs: `sort=updated_at` walks each table's (workspace_id, updated_at, id) index, and the workspace-wide
// message list walks one index per filter it narrows by (conversation, contact, channel, status), in both sorts.
export class Migration20261203000023_sync_indexes extends Migration {
  override async up(): Promise<void> {
    for (const table of ['channels', 'conversations', 'messages', 'flows', 'flow_runs', 'webhook_endpoints', 'api_keys']) {
      this.addSql(`create index ${table}_updated_idx on ${table} (workspace_id, updated_at desc, id desc);`);
    }
    this.addSql(`create index conversations_contact_updated_idx on conversations (workspace_id, contact_id, updated_at desc, id desc);`);
    this.addSql(`create index messages_created_idx on messages (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index messages_conversation_updated_idx on messages (workspace_id, conversation_id, updated_at desc, id desc);`);
    this.addSql(`create index messages_contact_updated_idx on messages (workspace_id, contact_id, updated_at desc, id desc);`);
    this.addSql(`create index messages_channel_idx on messages (workspace_id, channel_id, created_at desc, id desc);`);
    this.addSql(`create index messages_channel_updated_idx on messages (workspace_id, channel_id, updated_at desc, id desc);`);
    this.addSql(`create index messages_status_idx on messages (workspace_id, status, created_at desc, id desc);`);
    this.addSql(`create index messages_status_updated_idx on messages (workspace_id, status, updated_at desc, id desc);`);
  }

  override async down(): Promise<void> {
    for (const index of [
      'channels_updated_idx', 'conversations_updated_idx', 'messages_updated_idx', 'flows_updated_idx', 'flow_runs_updated_idx',
      'webhook_endpoints_updated_idx', 'api_keys_updated_idx', 'conversations_contact_updated_idx', 'messages_created_idx',
      'messages_conversation_updated_idx', 'messages_contact_updated_idx', 'messages_channel_idx', 'messages_channel_updated_idx',
      'messages_status_idx', 'messages_status_updated_idx',
    ]) {
      this.addSql(`drop index if exists ${index};`);
    }
  }
}
