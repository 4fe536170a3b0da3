import { Migration } from '@mikro-orm/migrations';

export class Migration20261128182130 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "audit_status" as enum ('SAMPLED', 'FINDINGS_ISSUED', 'CLOSED');`);
    this.addSql(`create type "audit_finding" as enum ('MEETS', 'ATTENTION', 'IMPROVEMENT_NEEDED');`);
    this.addSql(`create type "audit_element_kind" as enum ('CASE_FILE', 'PATROL_RECORD');`);
    this.addSql(`create type "recommendation_status" as enum ('OPEN', 'RESPONDED', 'CLOSED');`);
    this.addSql(`create table "audit" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(200) not null, "auditor_unit_id" int not null, "audited_unit_id" int not null, "audited_level" "grid_level" not null, "period_from" timestamptz not null, "period_to" timestamptz not null, "sample_sizes" jsonb not null, "seed" int not null, "algorithm" varchar(60) not null, "population" jsonb not null, "snapshot_hash" varchar(64) not null, "outcome" jsonb not null, "status" "audit_status" not null, "finding" "audit_finding" null, "summary" text null, "created_by_id" int null, "findings_issued_at" timestamptz null, "closed_at" timestamptz null);`);
    this.addSql(`create index "audit_city_id_index" on "audit" ("city_id");`);
    this.addSql(`create index "audit_county_id_index" on "audit" ("county_id");`);
    this.addSql(`create index "audit_township_id_index" on "audit" ("township_id");`);
    this.addSql(`create index "audit_auditor_unit_id_index" on "audit" ("auditor_unit_id");`);
    this.addSql(`create index "audit_audited_unit_id_index" on "audit" ("audited_unit_id");`);

    this.addSql(`create table "audit_sample" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "audit_id" int not null, "kind" "audit_element_kind" not null, "element_id" int not null, "position" int not null, "score" int null, "finding" "audit_finding" null, "note" text null, "scored_by_id" int null);`);
    this.addSql(`create index "audit_sample_city_id_index" on "audit_sample" ("city_id");`);
    this.addSql(`create index "audit_sample_county_id_index" on "audit_sample" ("county_id");`);
    this.addSql(`create index "audit_sample_township_id_index" on "audit_sample" ("township_id");`);
    this.addSql(`create index "audit_sample_audit_id_position_index" on "audit_sample" ("audit_id", "position");`);

    this.addSql(`create table "audit_recommendation" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "audit_id" int not null, "auditor_unit_id" int not null, "audited_unit_id" int not null, "text" text not null, "due_on" date not null, "status" "recommendation_status" not null, "response" text null, "responded_at" timestamptz null, "closing_note" text null, "closed_at" timestamptz null);`);
    this.addSql(`create index "audit_recommendation_city_id_index" on "audit_recommendation" ("city_id");`);
    this.addSql(`create index "audit_recommendation_county_id_index" on "audit_recommendation" ("county_id");`);
    this.addSql(`create index "audit_recommendation_township_id_index" on "audit_recommendation" ("township_id");`);
    this.addSql(`create index "audit_recommendation_audit_id_index" on "audit_recommendation" ("audit_id");`);
    this.addSql(`create index "audit_recommendation_status_due_on_index" on "audit_recommendation" ("status", "due_on");`);

    this.addSql(`alter table "audit" add constraint "audit_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "audit" add constraint "audit_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit" add constraint "audit_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit" add constraint "audit_auditor_unit_id_foreign" foreign key ("auditor_unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "audit" add constraint "audit_audited_unit_id_foreign" foreign key ("audited_unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "audit" add constraint "audit_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "audit_sample" add constraint "audit_sample_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "audit_sample" add constraint "audit_sample_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_sample" add constraint "audit_sample_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_sample" add constraint "audit_sample_audit_id_foreign" foreign key ("audit_id") references "audit" ("id") on update cascade;`);
    this.addSql(`alter table "audit_sample" add constraint "audit_sample_scored_by_id_foreign" foreign key ("scored_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "audit_recommendation" add constraint "audit_recommendation_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "audit_recommendation" add constraint "audit_recommendation_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_recommendation" add constraint "audit_recommendation_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "audit_recommendation" add constraint "audit_recommendation_audit_id_foreign" foreign key ("audit_id") references "audit" ("id") on update cascade;`);
    this.addSql(`alter table "audit_recommendation" add constraint "audit_recommendation_auditor_unit_id_foreign" foreign key ("auditor_unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "audit_recommendation" add constraint "audit_recommendation_audited_unit_id_foreign" foreign key ("audited_unit_id") references "grid" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_sample" drop constraint "audit_sample_audit_id_foreign";`);

    this.addSql(`alter table "audit_recommendation" drop constraint "audit_recommendation_audit_id_foreign";`);

    this.addSql(`drop table if exists "audit" cascade;`);

    this.addSql(`drop table if exists "audit_sample" cascade;`);

    this.addSql(`drop table if exists "audit_recommendation" cascade;`);

    this.addSql(`drop type "audit_status";`);
    this.addSql(`drop type "audit_finding";`);
    this.addSql(`drop type "audit_element_kind";`);
    this.addSql(`drop type "recommendation_status";`);
  }

}
