import { Migration } from '@mikro-orm/migrations';

export class Migration20261128180857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "interval_unit" as enum ('DAY', 'MONTH');`);
    this.addSql(`create type "inspection_result" as enum ('COMPLIANT', 'PROBLEM_FOUND');`);
    this.addSql(`create table "inspection_frequency" ("id" serial primary key, "supervision_level" "supervision_level" not null, "every" int not null, "unit" "interval_unit" not null);`);
    this.addSql(`alter table "inspection_frequency" add constraint "inspection_frequency_supervision_level_unique" unique ("supervision_level");`);

    this.addSql(`create table "inspection" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "source_id" int not null, "grid_id" int not null, "inspected_on" date not null, "supervision_level" "supervision_level" not null, "result" "inspection_result" not null, "findings" text not null, "officer_id" int null, "inspector_name" varchar(60) not null, "recorded_by_id" int null, "recorded_at" timestamptz not null, "case_ids" int[] not null default '{}');`);
    this.addSql(`create index "inspection_city_id_index" on "inspection" ("city_id");`);
    this.addSql(`create index "inspection_county_id_index" on "inspection" ("county_id");`);
    this.addSql(`create index "inspection_township_id_index" on "inspection" ("township_id");`);
    this.addSql(`create index "inspection_source_id_inspected_on_index" on "inspection" ("source_id", "inspected_on");`);

    this.addSql(`create table "sensitive_period" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "unit_id" int not null, "name" varchar(100) not null, "starts_on" date not null, "ends_on" date not null, "grid_ids" int[] not null, "industries" text[] not null default '{}', "levels" text[] not null default '{}', "inspection_factor" double precision not null, "patrol_factor" double precision not null, "active" boolean not null default true, "created_by_id" int null);`);
    this.addSql(`create index "sensitive_period_city_id_index" on "sensitive_period" ("city_id");`);
    this.addSql(`create index "sensitive_period_county_id_index" on "sensitive_period" ("county_id");`);
    this.addSql(`create index "sensitive_period_township_id_index" on "sensitive_period" ("township_id");`);
    this.addSql(`create index "sensitive_period_starts_on_ends_on_index" on "sensitive_period" ("starts_on", "ends_on");`);

    this.addSql(`alter table "inspection" add constraint "inspection_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "inspection" add constraint "inspection_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection" add constraint "inspection_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection" add constraint "inspection_source_id_foreign" foreign key ("source_id") references "pollution_source" ("id") on update cascade;`);
    this.addSql(`alter table "inspection" add constraint "inspection_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "inspection" add constraint "inspection_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection" add constraint "inspection_recorded_by_id_foreign" foreign key ("recorded_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sensitive_period" add constraint "sensitive_period_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "sensitive_period" add constraint "sensitive_period_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "sensitive_period" add constraint "sensitive_period_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "sensitive_period" add constraint "sensitive_period_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "sensitive_period" add constraint "sensitive_period_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inspection_frequency" cascade;`);

    this.addSql(`drop table if exists "inspection" cascade;`);

    this.addSql(`drop table if exists "sensitive_period" cascade;`);

    this.addSql(`drop type "interval_unit";`);
    this.addSql(`drop type "inspection_result";`);
  }

}
