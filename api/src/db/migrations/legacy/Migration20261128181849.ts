import { Migration } from '@mikro-orm/migrations';

export class Migration20261128181849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "case_county_id_reported_at_id_index" on "case" ("county_id", "reported_at", "id");`);
    this.addSql(`create index "case_city_id_reported_at_id_index" on "case" ("city_id", "reported_at", "id");`);
    this.addSql(`create index "case_county_id_due_at_id_index" on "case" ("county_id", "due_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "case_county_id_reported_at_id_index";`);
    this.addSql(`drop index "case_city_id_reported_at_id_index";`);
    this.addSql(`drop index "case_county_id_due_at_id_index";`);
  }

}
