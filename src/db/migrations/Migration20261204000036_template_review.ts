import { Migration } from '@mikro-orm/migrations';

// Templates are reviewed before they can be sent: by the sandbox (approved after a short delay) or by the WhatsApp
// Business Account of a whatsapp_cloud channel (submitted on create, moved by its status notifications). They carry
// components beside the body (a header, a footer, buttons) and say whether their placeholders are numbered or named.
// Templates that exist already were usable and stay approved.
export class Migration20261204000036_template_review extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table templates
        add column status_reason text,
        add column channel_id text collate "C" references channels (id),
        add column provider_template_id text,
        add column parameter_format text not null default 'positional',
        add column header jsonb,
        add column footer text,
        add column buttons jsonb not null default '[]'::jsonb;`);
    this.addSql(`alter table templates drop constraint if exists templates_status_check;`);
    this.addSql(`alter table templates add constraint templates_status_check check (status in ('pending', 'approved', 'rejected', 'paused', 'disabled'));`);
    this.addSql(`alter table templates add constraint templates_parameter_format_check check (parameter_format in ('positional', 'named'));`);
    // a template send's named, header and button parameters
    this.addSql(`alter table messages add column template_arguments jsonb;`);
    // a status notification names the provider's template id: one template per id and channel
    this.addSql(`create unique index templates_provider_id_idx on templates (channel_id, provider_template_id) where provider_template_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table messages drop column template_arguments;`);
    this.addSql(`drop index if exists templates_provider_id_idx;`);
    this.addSql(`alter table templates drop constraint if exists templates_parameter_format_check;`);
    this.addSql(`alter table templates drop constraint if exists templates_status_check;`);
    this.addSql(`update templates set status = 'approved' where status <> 'approved';`);
    this.addSql(`alter table templates drop column status_reason, drop column channel_id, drop column provider_template_id,
      drop column parameter_format, drop column header, drop column footer, drop column buttons;`);
  }
}
