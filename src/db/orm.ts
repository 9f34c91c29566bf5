import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { config } from '../config';
import { ENTITIES } from './entities';
import { Migration20261126000000_foundation } from './migrations/Migration20261126000000_foundation';
import { Migration20261126000001_orders_templates } from './migrations/Migration20261126000001_orders_templates';
import { Migration20261126000002_files } from './migrations/Migration20261126000002_files';
import { Migration20261126000003_tags } from './migrations/Migration20261126000003_tags';
import { Migration20261126000004_messaging } from './migrations/Migration20261126000004_messaging';
import { Migration20261126000005_webhooks } from './migrations/Migration20261126000005_webhooks';
import { Migration20261126000006_bulk } from './migrations/Migration20261126000006_bulk';
import { Migration20261126000007_flows } from './migrations/Migration20261126000007_flows';
import { Migration20261126000008_broadcasts } from './migrations/Migration20261126000008_broadcasts';
import { Migration20261126000009_keys_audit } from './migrations/Migration20261126000009_keys_audit';
import { Migration20261126000010_privacy } from './migrations/Migration20261126000010_privacy';
import { Migration20261126000011_idempotency_answered } from './migrations/Migration20261126000011_idempotency_answered';
import { Migration20261126000012_webhook_pending_idx } from './migrations/Migration20261126000012_webhook_pending_idx';
import { Migration20261202000013_event_causes } from './migrations/Migration20261202000013_event_causes';
import { Migration20261202000014_pii_scope } from './migrations/Migration20261202000014_pii_scope';
import { Migration20261202000015_secrets_at_rest } from './migrations/Migration20261202000015_secrets_at_rest';
import { Migration20261202000016_webhook_endpoint_dispatch } from './migrations/Migration20261202000016_webhook_endpoint_dispatch';
import { Migration20261202000017_channel_senders } from './migrations/Migration20261202000017_channel_senders';
import { Migration20261202000018_auth_notify } from './migrations/Migration20261202000018_auth_notify';
import { Migration20261202000020_purge_fence } from './migrations/Migration20261202000020_purge_fence';
import { Migration20261202000021_normalised_identifiers } from './migrations/Migration20261202000021_normalised_identifiers';
import { Migration20261203000022_purge_hash_key_fingerprint } from './migrations/Migration20261203000022_purge_hash_key_fingerprint';
import { Migration20261203000023_sync_indexes } from './migrations/Migration20261203000023_sync_indexes';
import { Migration20261203000024_contact_search } from './migrations/Migration20261203000024_contact_search';
import { Migration20261203000025_consent_source } from './migrations/Migration20261203000025_consent_source';
import { Migration20261203000026_contact_attributes } from './migrations/Migration20261203000026_contact_attributes';
import { Migration20261203000027_webhook_api_version } from './migrations/Migration20261203000027_webhook_api_version';
import { Migration20261203000028_contact_merges } from './migrations/Migration20261203000028_contact_merges';
import { Migration20261203000029_scheduled_messages } from './migrations/Migration20261203000029_scheduled_messages';
import { Migration20261203000030_deferred_message_conversation } from './migrations/Migration20261203000030_deferred_message_conversation';
import { Migration20261203000031_scheduled_messages_as_rows } from './migrations/Migration20261203000031_scheduled_messages_as_rows';

export const MIGRATIONS = [
  { name: 'Migration20261126000000_foundation', class: Migration20261126000000_foundation },
  { name: 'Migration20261126000001_orders_templates', class: Migration20261126000001_orders_templates },
  { name: 'Migration20261126000002_files', class: Migration20261126000002_files },
  { name: 'Migration20261126000003_tags', class: Migration20261126000003_tags },
  { name: 'Migration20261126000004_messaging', class: Migration20261126000004_messaging },
  { name: 'Migration20261126000005_webhooks', class: Migration20261126000005_webhooks },
  { name: 'Migration20261126000006_bulk', class: Migration20261126000006_bulk },
  { name: 'Migration20261126000007_flows', class: Migration20261126000007_flows },
  { name: 'Migration20261126000008_broadcasts', class: Migration20261126000008_broadcasts },
  { name: 'Migration20261126000009_keys_audit', class: Migration20261126000009_keys_audit },
  { name: 'Migration20261126000010_privacy', class: Migration20261126000010_privacy },
  { name: 'Migration20261126000011_idempotency_answered', class: Migration20261126000011_idempotency_answered },
  { name: 'Migration20261126000012_webhook_pending_idx', class: Migration20261126000012_webhook_pending_idx },
  { name: 'Migration20261202000013_event_causes', class: Migration20261202000013_event_causes },
  { name: 'Migration20261202000014_pii_scope', class: Migration20261202000014_pii_scope },
  { name: 'Migration20261202000015_secrets_at_rest', class: Migration20261202000015_secrets_at_rest },
  { name: 'Migration20261202000016_webhook_endpoint_dispatch', class: Migration20261202000016_webhook_endpoint_dispatch },
  { name: 'Migration20261202000017_channel_senders', class: Migration20261202000017_channel_senders },
  { name: 'Migration20261202000018_auth_notify', class: Migration20261202000018_auth_notify },
  { name: 'Migration20261202000020_purge_fence', class: Migration20261202000020_purge_fence },
  { name: 'Migration20261202000021_normalised_identifiers', class: Migration20261202000021_normalised_identifiers },
  { name: 'Migration20261203000022_purge_hash_key_fingerprint', class: Migration20261203000022_purge_hash_key_fingerprint },
  { name: 'Migration20261203000023_sync_indexes', class: Migration20261203000023_sync_indexes },
  { name: 'Migration20261203000024_contact_search', class: Migration20261203000024_contact_search },
  { name: 'Migration20261203000025_consent_source', class: Migration20261203000025_consent_source },
  { name: 'Migration20261203000026_contact_attributes', class: Migration20261203000026_contact_attributes },
  { name: 'Migration20261203000027_webhook_api_version', class: Migration20261203000027_webhook_api_version },
  { name: 'Migration20261203000028_contact_merges', class: Migration20261203000028_contact_merges },
  { name: 'Migration20261203000029_scheduled_messages', class: Migration20261203000029_scheduled_messages },
  { name: 'Migration20261203000030_deferred_message_conversation', class: Migration20261203000030_deferred_message_conversation },
  { name: 'Migration20261203000031_scheduled_messages_as_rows', class: Migration20261203000031_scheduled_messages_as_rows },
];

export function ormOptions(databaseUrl = config.databaseUrl): Options {
  return {
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, silent: true },
    pool: { min: 0, max: config.dbPoolMax, acquireTimeoutMillis: 5_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 3_000, statement_timeout: 15_000 } },
    allowGlobalContext: false,
    debug: false,
    discovery: { warnWhenNoEntities: false },
  };
}

export async function openOrm(databaseUrl?: string): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl));
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
