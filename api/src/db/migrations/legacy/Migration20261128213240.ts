import { Migration } from '@mikro-orm/migrations';

export class Migration20261128213240 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "case_event_county_id_due_at_index" on "case_event" ("county_id", "due_at");`);
    this.addSql(`create index "case_event_county_id_at_index" on "case_event" ("county_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "case_event_county_id_due_at_index";`);
    this.addSql(`drop index "case_event_county_id_at_index";`);
  }

}
