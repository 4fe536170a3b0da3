import { Migration } from '@mikro-orm/migrations';

export class Migration20261128180245_plans extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "plan_kind" as enum ('ANNUAL', 'MONTHLY');`);
    this.addSql(`create type "task_origin" as enum ('PLANNED', 'INSTRUCTION', 'COMPLAINT', 'TRANSFER');`);
    this.addSql(`create type "task_status" as enum ('OPEN', 'DONE', 'CANCELLED');`);
    this.addSql(`create table "enforcement_plan" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "unit_id" int not null, "kind" "plan_kind" not null, "year" int not null, "month" int null, "title" varchar(200) not null, "description" varchar(2000) null, "created_by_id" int null);`);
    this.addSql(`create index "enforcement_plan_city_id_index" on "enforcement_plan" ("city_id");`);
    this.addSql(`create index "enforcement_plan_county_id_index" on "enforcement_plan" ("county_id");`);
    this.addSql(`create index "enforcement_plan_township_id_index" on "enforcement_plan" ("township_id");`);
    this.addSql(`create index "enforcement_plan_unit_id_year_month_index" on "enforcement_plan" ("unit_id", "year", "month");`);

    this.addSql(`create table "patrol_check_in" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "grid_worker_id" int not null, "grid_id" int not null, "at" timestamptz not null, "lng" double precision not null, "lat" double precision not null, "notes" varchar(1000) null, "outside_boundary" boolean not null default false, "boundary_checked" boolean not null default false, "photo_sha256" varchar(64) null, "photo_mime_type" varchar(60) null, "recorded_by_id" int null);`);
    this.addSql(`create index "patrol_check_in_city_id_index" on "patrol_check_in" ("city_id");`);
    this.addSql(`create index "patrol_check_in_county_id_index" on "patrol_check_in" ("county_id");`);
    this.addSql(`create index "patrol_check_in_township_id_index" on "patrol_check_in" ("township_id");`);
    this.addSql(`create index "patrol_check_in_grid_id_at_index" on "patrol_check_in" ("grid_id", "at");`);
    this.addSql(`create index "patrol_check_in_grid_worker_id_at_index" on "patrol_check_in" ("grid_worker_id", "at");`);

    this.addSql(`create table "patrol_plan" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "grid_worker_id" int not null, "grid_id" int not null, "month" date not null, "required_count" int not null, "base_count" int not null, "factor" double precision not null default 1, "generated_at" timestamptz not null);`);
    this.addSql(`create index "patrol_plan_city_id_index" on "patrol_plan" ("city_id");`);
    this.addSql(`create index "patrol_plan_county_id_index" on "patrol_plan" ("county_id");`);
    this.addSql(`create index "patrol_plan_township_id_index" on "patrol_plan" ("township_id");`);
    this.addSql(`create index "patrol_plan_month_grid_id_index" on "patrol_plan" ("month", "grid_id");`);
    this.addSql(`alter table "patrol_plan" add constraint "patrol_plan_grid_worker_id_grid_id_month_unique" unique ("grid_worker_id", "grid_id", "month");`);

    this.addSql(`create table "patrol_rule" ("id" serial primary key, "grid_level" "grid_level" not null, "grid_kind" "grid_kind" not null, "times_per_month" int not null);`);
    this.addSql(`alter table "patrol_rule" add constraint "patrol_rule_grid_level_grid_kind_unique" unique ("grid_level", "grid_kind");`);

    this.addSql(`create table "work_task" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "plan_id" int null, "parent_id" int null, "origin" "task_origin" not null, "title" varchar(200) not null, "description" varchar(2000) null, "grid_id" int not null, "officer_id" int null, "grid_worker_id" int null, "due_at" timestamptz null, "status" "task_status" not null default 'OPEN', "completed_at" timestamptz null, "result" varchar(2000) null, "issued_by_unit_id" int not null, "created_by_id" int null);`);
    this.addSql(`create index "work_task_city_id_index" on "work_task" ("city_id");`);
    this.addSql(`create index "work_task_county_id_index" on "work_task" ("county_id");`);
    this.addSql(`create index "work_task_township_id_index" on "work_task" ("township_id");`);
    this.addSql(`create index "work_task_status_due_at_index" on "work_task" ("status", "due_at");`);
    this.addSql(`create index "work_task_parent_id_id_index" on "work_task" ("parent_id", "id");`);
    this.addSql(`create index "work_task_plan_id_id_index" on "work_task" ("plan_id", "id");`);

    this.addSql(`alter table "enforcement_plan" add constraint "enforcement_plan_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_plan" add constraint "enforcement_plan_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enforcement_plan" add constraint "enforcement_plan_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "enforcement_plan" add constraint "enforcement_plan_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "enforcement_plan" add constraint "enforcement_plan_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "patrol_check_in" add constraint "patrol_check_in_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_check_in" add constraint "patrol_check_in_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "patrol_check_in" add constraint "patrol_check_in_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "patrol_check_in" add constraint "patrol_check_in_grid_worker_id_foreign" foreign key ("grid_worker_id") references "grid_worker" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_check_in" add constraint "patrol_check_in_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_check_in" add constraint "patrol_check_in_recorded_by_id_foreign" foreign key ("recorded_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "patrol_plan" add constraint "patrol_plan_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_plan" add constraint "patrol_plan_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "patrol_plan" add constraint "patrol_plan_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "patrol_plan" add constraint "patrol_plan_grid_worker_id_foreign" foreign key ("grid_worker_id") references "grid_worker" ("id") on update cascade;`);
    this.addSql(`alter table "patrol_plan" add constraint "patrol_plan_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);

    this.addSql(`alter table "work_task" add constraint "work_task_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "work_task" add constraint "work_task_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_task" add constraint "work_task_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_task" add constraint "work_task_plan_id_foreign" foreign key ("plan_id") references "enforcement_plan" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_task" add constraint "work_task_parent_id_foreign" foreign key ("parent_id") references "work_task" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_task" add constraint "work_task_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "work_task" add constraint "work_task_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_task" add constraint "work_task_grid_worker_id_foreign" foreign key ("grid_worker_id") references "grid_worker" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_task" add constraint "work_task_issued_by_unit_id_foreign" foreign key ("issued_by_unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "work_task" add constraint "work_task_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "work_task" drop constraint "work_task_plan_id_foreign";`);

    this.addSql(`alter table "work_task" drop constraint "work_task_parent_id_foreign";`);

    this.addSql(`drop table if exists "enforcement_plan" cascade;`);

    this.addSql(`drop table if exists "patrol_check_in" cascade;`);

    this.addSql(`drop table if exists "patrol_plan" cascade;`);

    this.addSql(`drop table if exists "patrol_rule" cascade;`);

    this.addSql(`drop table if exists "work_task" cascade;`);

    this.addSql(`drop type "plan_kind";`);
    this.addSql(`drop type "task_origin";`);
    this.addSql(`drop type "task_status";`);
  }

}
