import { Migration } from '@mikro-orm/migrations';

export class Migration20261128180743 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "indicator_unit" as enum ('PERCENT', 'POINTS', 'COUNT');`);
    this.addSql(`create type "assessment_subject_type" as enum ('GRID_WORKER', 'OFFICER', 'GRID', 'TOWNSHIP', 'COUNTY', 'DEPARTMENT');`);
    this.addSql(`create table "assessment_indicator" ("id" serial primary key, "code" varchar(40) not null, "version" int not null, "name" varchar(60) not null, "description" text not null, "formula" text not null, "unit" "indicator_unit" not null, "subject_types" "assessment_subject_type"[] not null, "position" int not null default 0, "created_at" timestamptz not null default now(), "created_by_id" int null, "superseded_at" timestamptz null);`);
    this.addSql(`create index "assessment_indicator_code_superseded_at_index" on "assessment_indicator" ("code", "superseded_at");`);
    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_code_version_unique" unique ("code", "version");`);

    this.addSql(`create table "assessment" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "unit_id" int not null, "period" varchar(10) not null, "subject_type" "assessment_subject_type" not null, "rank_by" varchar(40) not null, "indicator_ids" jsonb not null, "rows" jsonb not null, "published_at" timestamptz not null, "published_by_id" int null);`);
    this.addSql(`create index "assessment_city_id_index" on "assessment" ("city_id");`);
    this.addSql(`create index "assessment_county_id_index" on "assessment" ("county_id");`);
    this.addSql(`create index "assessment_township_id_index" on "assessment" ("township_id");`);
    this.addSql(`alter table "assessment" add constraint "assessment_unit_id_period_subject_type_unique" unique ("unit_id", "period", "subject_type");`);

    this.addSql(`alter table "assessment_indicator" add constraint "assessment_indicator_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "assessment" add constraint "assessment_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "assessment" add constraint "assessment_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "assessment" add constraint "assessment_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "assessment" add constraint "assessment_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "assessment" add constraint "assessment_published_by_id_foreign" foreign key ("published_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_event" add column "due_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assessment_indicator" cascade;`);

    this.addSql(`drop table if exists "assessment" cascade;`);

    this.addSql(`alter table "case_event" drop column "due_at";`);

    this.addSql(`drop type "indicator_unit";`);
    this.addSql(`drop type "assessment_subject_type";`);
  }

}
