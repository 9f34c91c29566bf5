import { Migration } from '@mikro-orm/migrations';

// A quality update names its number only by the display number (digits), not by the phone number id a channel is
// made with. A channel learns its display number from the metadata of the notifications about its own phone number
// id, so that several numbers of one business account each take only their own quality updates.
export class Migration20261204000044_whatsapp_display_numbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table channels add column whatsapp_display_phone_number text;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table channels drop column whatsapp_display_phone_number;`);
  }
}
