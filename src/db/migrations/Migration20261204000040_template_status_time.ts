import { Migration } from '@mikro-orm/migrations';

// WhatsApp's template status notifications can arrive out of order (a retried APPROVED after a PAUSED): the time of the
// last one applied is kept, and an older one changes nothing.
export class Migration20261204000040_template_status_time extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table templates add column provider_status_at timestamptz(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table templates drop column provider_status_at;`);
  }
}
