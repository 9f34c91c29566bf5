import { Migration } from '@mikro-orm/migrations';

// Number health: a whatsapp_cloud channel's quality rating and messaging tier, as the provider's quality updates
// report them (null for other providers), with the provider's time of the last update applied (older ones and
// replays change nothing) and a version for the channel's events. A broadcast paused by the daily recipient budget
// says why and when it resumes by itself. Indexes: the contacts a channel messaged in the rolling window (the
// budget), and a workspace's outbound messages by the day they were handed over or failed (GET /v1/usage).
export class Migration20261204000038_number_health extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table channels
        add column quality_rating text,
        add column messaging_tier text,
        add column quality_updated_at timestamptz(3),
        add column version integer not null default 1;`);
    this.addSql(`update channels set quality_rating = 'unknown' where provider = 'whatsapp_cloud';`);
    this.addSql(`alter table channels add constraint channels_quality_rating_check check (quality_rating in ('green', 'yellow', 'red', 'unknown'));`);
    this.addSql(`alter table channels add constraint channels_messaging_tier_check check (messaging_tier in ('tier_250', 'tier_1k', 'tier_10k', 'tier_100k', 'tier_unlimited'));`);
    this.addSql(`
      alter table broadcasts
        add column pause_reason text,
        add column resumes_at timestamptz(3);`);
    this.addSql(`update broadcasts set pause_reason = 'requested' where status = 'paused';`);
    this.addSql(`alter table broadcasts add constraint broadcasts_pause_reason_check check (pause_reason in ('requested', 'daily_recipient_budget'));`);
    this.addSql(`create index messages_recipient_window_idx on messages (channel_id, queued_at) include (workspace_id, contact_id) where direction = 'outbound' and queued_at is not null;`);
    this.addSql(`create index messages_usage_idx on messages (workspace_id, (coalesce(sent_at, failed_at))) where direction = 'outbound';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists messages_usage_idx;`);
    this.addSql(`drop index if exists messages_recipient_window_idx;`);
    this.addSql(`alter table broadcasts drop constraint if exists broadcasts_pause_reason_check;`);
    this.addSql(`alter table broadcasts drop column pause_reason, drop column resumes_at;`);
    this.addSql(`alter table channels drop constraint if exists channels_messaging_tier_check;`);
    this.addSql(`alter table channels drop constraint if exists channels_quality_rating_check;`);
    this.addSql(`alter table channels drop column quality_rating, drop column messaging_tier, drop column quality_updated_at, drop column version;`);
  }
}
