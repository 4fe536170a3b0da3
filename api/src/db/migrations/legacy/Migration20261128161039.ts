import { Migration } from '@mikro-orm/migrations';

export class Migration20261128161039 extends Migration {

  // 催办/督办/通报 raised by the deadline scheduler; unique per case, kind and deadline.
  override async up(): Promise<void> {
    this.addSql(`create type "alert_kind" as enum ('URGE', 'SUPERVISE', 'NOTICE');`);
    this.addSql(`create table "case_alert" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "case_id" int not null, "kind" "alert_kind" not null, "due_at" timestamptz not null, "at" timestamptz not null, "handling_unit_id" int null, "lead_department_id" int null);`);
    this.addSql(`create index "case_alert_city_id_index" on "case_alert" ("city_id");`);
    this.addSql(`create index "case_alert_county_id_index" on "case_alert" ("county_id");`);
    this.addSql(`create index "case_alert_township_id_index" on "case_alert" ("township_id");`);
    this.addSql(`create index "case_alert_handling_unit_id_kind_at_index" on "case_alert" ("handling_unit_id", "kind", "at");`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_case_id_kind_due_at_unique" unique ("case_id", "kind", "due_at");`);

    this.addSql(`alter table "case_alert" add constraint "case_alert_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_handling_unit_id_foreign" foreign key ("handling_unit_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_lead_department_id_foreign" foreign key ("lead_department_id") references "department" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_alert" cascade;`);

    this.addSql(`drop type "alert_kind";`);
  }

}
