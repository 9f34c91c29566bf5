import { Migration } from '@mikro-orm/migrations';

// Messages are handed to providers by one sender workflow per channel (src/workflows/channel-sender.ts), which claims
// the rows due for it: a queued message's hand-off (again after a transient error, with its attempt count) or a
// sandbox message's next simulated receipt. Due rows are few beside the finished ones, so the index is partial.
// A channel's send rate is shared by every worker: its one sender paces itself to it.
export class Migration20261202000017_channel_senders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table channels add column rate_per_second integer not null default 80 check (rate_per_second between 1 and 1000);`);
    this.addSql(`alter table messages add column next_attempt_at timestamptz(3) null, add column send_attempts integer not null default 0;`);
    this.addSql(`create index messages_sender_due_idx on messages (channel_id, next_attempt_at) where next_attempt_at is not null;`);
    // what the per-message workflows of the previous release had not finished: the channel senders take it over
    this.addSql(`update messages set next_attempt_at = now() where direction = 'outbound' and status = 'queued';`);
    this.addSql(
      `update messages m set next_attempt_at = now() from channels c
        where c.id = m.channel_id and c.provider = 'sandbox' and m.direction = 'outbound' and m.status in ('sent', 'delivered');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index messages_sender_due_idx;`);
    this.addSql(`alter table messages drop column next_attempt_at, drop column send_attempts;`);
    this.addSql(`alter table channels drop column rate_per_second;`);
  }
}
