import { Migration } from '@mikro-orm/migrations';

// whatsapp_cloud channels: the Cloud API number they send from and the secrets that speak for it (the access token,
// the app secret that signs notifications, the verify token of the webhook handshake), each sealed with sealSecret.
// Messages keep the code of a failure and the pricing fields the provider's status notifications carry.
export class Migration20261204000035_whatsapp_cloud_channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table channels drop constraint if exists channels_provider_check;`);
    this.addSql(`alter table channels add constraint channels_provider_check check (provider in ('sandbox', 'http', 'whatsapp_cloud'));`);
    this.addSql(`
      alter table channels
        add column whatsapp_phone_number_id text,
        add column whatsapp_waba_id text,
        add column whatsapp_access_token text,
        add column whatsapp_access_token_hint text,
        add column whatsapp_app_secret text,
        add column whatsapp_verify_token text,
        add column whatsapp_api_version text,
        add column whatsapp_base_url text;`);
    this.addSql(`
      alter table channels add constraint channels_whatsapp_config_check check (
        provider <> 'whatsapp_cloud' or (whatsapp_phone_number_id is not null and whatsapp_waba_id is not null and whatsapp_access_token is not null
          and whatsapp_app_secret is not null and whatsapp_verify_token is not null and whatsapp_api_version is not null and whatsapp_base_url is not null));`);
    this.addSql(`
      alter table messages
        add column failure_code text,
        add column pricing_category text,
        add column pricing_billable boolean,
        add column pricing_model text;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table messages drop column failure_code, drop column pricing_category, drop column pricing_billable, drop column pricing_model;`);
    this.addSql(`alter table channels drop constraint if exists channels_whatsapp_config_check;`);
    this.addSql(`delete from channels where provider = 'whatsapp_cloud';`);
    this.addSql(`alter table channels drop column whatsapp_phone_number_id, drop column whatsapp_waba_id, drop column whatsapp_access_token,
      drop column whatsapp_access_token_hint, drop column whatsapp_app_secret, drop column whatsapp_verify_token, drop column whatsapp_api_version,
      drop column whatsapp_base_url;`);
    this.addSql(`alter table channels drop constraint if exists channels_provider_check;`);
    this.addSql(`alter table channels add constraint channels_provider_check check (provider in ('sandbox', 'http'));`);
  }
}
