import { Migration } from '@mikro-orm/migrations';

export class Migration20261128181038 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "spot_check_stratification" as enum ('NONE', 'LEVEL', 'UNIT', 'LEVEL_AND_UNIT');`);
    this.addSql(`create type "conflict_rule" as enum ('NONE', 'SAME_COUNTY');`);
    this.addSql(`create type "spot_check_status" as enum ('DRAFT', 'DRAWN', 'COMPLETED', 'PUBLISHED');`);
    this.addSql(`create type "spot_check_result" as enum ('COMPLIANT', 'PROBLEM_FOUND');`);
    this.addSql(`create table "spot_check_campaign" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(200) not null, "unit_id" int not null, "created_by_id" int null, "population_filter" jsonb not null, "stratification" "spot_check_stratification" not null, "sample_size" int null, "sample_basis_points" int null, "inspector_pool" jsonb not null, "inspectors_per_source" int not null, "conflict_rule" "conflict_rule" not null, "status" "spot_check_status" not null, "current_draw_no" int null, "completed_at" timestamptz null, "published_at" timestamptz null);`);
    this.addSql(`create index "spot_check_campaign_city_id_index" on "spot_check_campaign" ("city_id");`);
    this.addSql(`create index "spot_check_campaign_county_id_index" on "spot_check_campaign" ("county_id");`);
    this.addSql(`create index "spot_check_campaign_township_id_index" on "spot_check_campaign" ("township_id");`);
    this.addSql(`create index "spot_check_campaign_unit_id_index" on "spot_check_campaign" ("unit_id");`);

    this.addSql(`create table "spot_check_draw" ("id" serial primary key, "campaign_id" int not null, "draw_no" int not null, "seed" int not null, "algorithm" varchar(60) not null, "population" jsonb not null, "pool" jsonb not null, "snapshot_hash" varchar(64) not null, "params" jsonb not null, "outcome" jsonb not null, "reason" text null, "drawn_by_id" int null, "drawn_at" timestamptz not null);`);
    this.addSql(`alter table "spot_check_draw" add constraint "spot_check_draw_campaign_id_draw_no_unique" unique ("campaign_id", "draw_no");`);

    this.addSql(`create table "spot_check_item" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "campaign_id" int not null, "draw_no" int not null, "position" int not null, "source_id" int not null, "grid_id" int not null, "stratum" varchar(60) not null, "inspector_ids" jsonb not null, "result" "spot_check_result" null, "notes" text null, "case_id" int null, "checked_at" timestamptz null, "superseded" boolean not null default false, "recorded_by_id" int null);`);
    this.addSql(`create index "spot_check_item_city_id_index" on "spot_check_item" ("city_id");`);
    this.addSql(`create index "spot_check_item_county_id_index" on "spot_check_item" ("county_id");`);
    this.addSql(`create index "spot_check_item_township_id_index" on "spot_check_item" ("township_id");`);
    this.addSql(`create index "spot_check_item_source_id_index" on "spot_check_item" ("source_id");`);
    this.addSql(`create index "spot_check_item_campaign_id_draw_no_position_index" on "spot_check_item" ("campaign_id", "draw_no", "position");`);

    this.addSql(`create table "spot_check_publication" ("id" serial primary key, "campaign_id" int not null, "campaign_title" varchar(200) not null, "source_name" varchar(200) not null, "credit_code" varchar(18) null, "result" varchar(20) not null, "checked_on" varchar(10) not null, "published_at" timestamptz not null);`);
    this.addSql(`create index "spot_check_publication_published_at_id_index" on "spot_check_publication" ("published_at", "id");`);

    this.addSql(`alter table "spot_check_campaign" add constraint "spot_check_campaign_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_campaign" add constraint "spot_check_campaign_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "spot_check_campaign" add constraint "spot_check_campaign_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "spot_check_campaign" add constraint "spot_check_campaign_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_campaign" add constraint "spot_check_campaign_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "spot_check_draw" add constraint "spot_check_draw_campaign_id_foreign" foreign key ("campaign_id") references "spot_check_campaign" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_draw" add constraint "spot_check_draw_drawn_by_id_foreign" foreign key ("drawn_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_campaign_id_foreign" foreign key ("campaign_id") references "spot_check_campaign" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_source_id_foreign" foreign key ("source_id") references "pollution_source" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "spot_check_item" add constraint "spot_check_item_recorded_by_id_foreign" foreign key ("recorded_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "spot_check_publication" add constraint "spot_check_publication_campaign_id_foreign" foreign key ("campaign_id") references "spot_check_campaign" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "spot_check_draw" drop constraint "spot_check_draw_campaign_id_foreign";`);

    this.addSql(`alter table "spot_check_item" drop constraint "spot_check_item_campaign_id_foreign";`);

    this.addSql(`alter table "spot_check_publication" drop constraint "spot_check_publication_campaign_id_foreign";`);

    this.addSql(`drop table if exists "spot_check_campaign" cascade;`);

    this.addSql(`drop table if exists "spot_check_draw" cascade;`);

    this.addSql(`drop table if exists "spot_check_item" cascade;`);

    this.addSql(`drop table if exists "spot_check_publication" cascade;`);

    this.addSql(`drop type "spot_check_stratification";`);
    this.addSql(`drop type "conflict_rule";`);
    this.addSql(`drop type "spot_check_status";`);
    this.addSql(`drop type "spot_check_result";`);
  }

}
