import { Migration } from '@mikro-orm/migrations';

export class Migration20261128153348 extends Migration {

  override async up(): Promise<void> {
    // MikroORM does not manage extensions; the trigram indexes need pg_trgm.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "department_field" as enum ('DEVELOPMENT_REFORM', 'ECONOMY_IT', 'AGRICULTURE', 'CONSTRUCTION', 'PUBLIC_SECURITY', 'FINANCE', 'LAND', 'TRANSPORT', 'WATER', 'FORESTRY_GARDENS', 'COMMERCE', 'PLANNING', 'URBAN_MANAGEMENT', 'ENVIRONMENT', 'WORK_SAFETY', 'MARKET_REGULATION', 'LIVESTOCK_FISHERY', 'TOWNSHIP_OFFICE');`);
    this.addSql(`create type "grid_level" as enum ('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE');`);
    this.addSql(`create type "grid_kind" as enum ('ADMINISTRATIVE', 'URBAN_MANAGEMENT');`);
    this.addSql(`create type "employment" as enum ('FULL_TIME', 'PART_TIME');`);
    this.addSql(`create type "role" as enum ('CITY_ADMIN', 'CITY_INSPECTOR', 'CITY_DEPARTMENT', 'PLATFORM_OPERATOR', 'COUNTY_ADMIN', 'COUNTY_DEPARTMENT', 'OFFICER', 'TOWNSHIP_ADMIN', 'GRID_WORKER', 'API_CLIENT');`);
    this.addSql(`create type "source_type" as enum ('ENTERPRISE', 'CONSTRUCTION_SITE', 'RESTAURANT', 'LIVESTOCK_FARM', 'AUTO_REPAIR', 'OTHER');`);
    this.addSql(`create type "supervision_level" as enum ('KEY', 'GENERAL', 'SPECIAL');`);
    this.addSql(`create type "source_status" as enum ('PENDING', 'ACTIVE', 'SUSPENDED', 'CLOSED');`);
    this.addSql(`create type "case_origin" as enum ('PATROL', 'COMPLAINT', 'INSTRUCTION', 'TRANSFER', 'INSPECTION', 'MONITORING');`);
    this.addSql(`create type "case_urgency" as enum ('NORMAL', 'URGENT', 'EMERGENCY');`);
    this.addSql(`create type "case_status" as enum ('REPORTED', 'FILED', 'CANCELLED', 'DISPATCHED', 'IN_PROGRESS', 'FED_BACK', 'CLOSED', 'EVALUATED', 'PARKED');`);
    this.addSql(`create type "case_action" as enum ('REPORT');`);
    this.addSql(`create type "source_change_action" as enum ('CREATED', 'UPDATED', 'DEACTIVATED');`);
    this.addSql(`create table "case_category" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(60) not null, "default_field" "department_field" not null, "active" boolean not null default true);`);
    this.addSql(`alter table "case_category" add constraint "case_category_code_unique" unique ("code");`);

    this.addSql(`create table "grid" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(24) not null, "name" varchar(100) not null, "level" "grid_level" not null, "kind" "grid_kind" not null, "parent_id" int null, "boundary" jsonb null, "centroid_lng" double precision null, "centroid_lat" double precision null, "active" boolean not null default true, "illustrative" boolean not null default false);`);
    this.addSql(`create index "grid_city_id_index" on "grid" ("city_id");`);
    this.addSql(`create index "grid_county_id_index" on "grid" ("county_id");`);
    this.addSql(`create index "grid_township_id_index" on "grid" ("township_id");`);
    this.addSql(`alter table "grid" add constraint "grid_code_unique" unique ("code");`);
    this.addSql(`create index "grid_name_trgm_index" on "grid" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "grid_parent_id_code_index" on "grid" ("parent_id", "code");`);

    this.addSql(`create table "department" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "unit_id" int not null, "name" varchar(100) not null, "field" "department_field" not null, "active" boolean not null default true);`);
    this.addSql(`create index "department_city_id_index" on "department" ("city_id");`);
    this.addSql(`create index "department_county_id_index" on "department" ("county_id");`);
    this.addSql(`create index "department_township_id_index" on "department" ("township_id");`);
    this.addSql(`create index "department_unit_id_index" on "department" ("unit_id");`);

    this.addSql(`create table "department_category" ("department_id" int not null, "case_category_id" int not null, constraint "department_category_pkey" primary key ("department_id", "case_category_id"));`);

    this.addSql(`create table "grid_worker" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(60) not null, "phone" varchar(20) null, "employer_unit_id" int not null, "active" boolean not null default true, "employment" "employment" not null);`);
    this.addSql(`create index "grid_worker_city_id_index" on "grid_worker" ("city_id");`);
    this.addSql(`create index "grid_worker_county_id_index" on "grid_worker" ("county_id");`);
    this.addSql(`create index "grid_worker_township_id_index" on "grid_worker" ("township_id");`);
    this.addSql(`create index "grid_worker_employer_unit_id_index" on "grid_worker" ("employer_unit_id");`);

    this.addSql(`create table "grid_worker_grid" ("grid_worker_id" int not null, "grid_id" int not null, constraint "grid_worker_grid_pkey" primary key ("grid_worker_id", "grid_id"));`);

    this.addSql(`create table "officer" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(60) not null, "phone" varchar(20) null, "employer_unit_id" int not null, "active" boolean not null default true, "badge_number" varchar(40) null);`);
    this.addSql(`create index "officer_city_id_index" on "officer" ("city_id");`);
    this.addSql(`create index "officer_county_id_index" on "officer" ("county_id");`);
    this.addSql(`create index "officer_township_id_index" on "officer" ("township_id");`);
    this.addSql(`create index "officer_employer_unit_id_index" on "officer" ("employer_unit_id");`);

    this.addSql(`create table "account" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "login" varchar(60) not null, "password_hash" varchar(200) not null, "display_name" varchar(60) not null, "unit_id" int not null, "role" "role" not null, "department_id" int null, "officer_id" int null, "grid_worker_id" int null, "active" boolean not null default true);`);
    this.addSql(`create index "account_city_id_index" on "account" ("city_id");`);
    this.addSql(`create index "account_county_id_index" on "account" ("county_id");`);
    this.addSql(`create index "account_township_id_index" on "account" ("township_id");`);
    this.addSql(`alter table "account" add constraint "account_login_unique" unique ("login");`);
    this.addSql(`create index "account_unit_id_index" on "account" ("unit_id");`);

    this.addSql(`create table "officer_grid" ("officer_id" int not null, "grid_id" int not null, constraint "officer_grid_pkey" primary key ("officer_id", "grid_id"));`);

    this.addSql(`create table "pollution_source" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "credit_code" varchar(18) null, "type" "source_type" not null, "industry" varchar(60) null, "address" varchar(200) null, "lng" double precision null, "lat" double precision null, "grid_id" int not null, "supervision_level" "supervision_level" not null, "status" "source_status" not null);`);
    this.addSql(`create index "pollution_source_city_id_index" on "pollution_source" ("city_id");`);
    this.addSql(`create index "pollution_source_county_id_index" on "pollution_source" ("county_id");`);
    this.addSql(`create index "pollution_source_township_id_index" on "pollution_source" ("township_id");`);
    this.addSql(`alter table "pollution_source" add constraint "pollution_source_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "pollution_source_name_trgm_index" on "pollution_source" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "pollution_source_grid_id_id_index" on "pollution_source" ("grid_id", "id");`);

    this.addSql(`create table "case" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "number" varchar(40) not null, "origin" "case_origin" not null, "category_id" int not null, "field" "department_field" not null, "urgency" "case_urgency" not null, "description" text not null, "address" varchar(200) null, "lng" double precision null, "lat" double precision null, "grid_id" int not null, "source_id" int null, "status" "case_status" not null, "complainant_name" varchar(60) null, "complainant_phone" varchar(20) null, "reported_by_id" int null, "reported_at" timestamptz not null, "due_at" timestamptz null, "closed_at" timestamptz null);`);
    this.addSql(`create index "case_city_id_index" on "case" ("city_id");`);
    this.addSql(`create index "case_county_id_index" on "case" ("county_id");`);
    this.addSql(`create index "case_township_id_index" on "case" ("township_id");`);
    this.addSql(`alter table "case" add constraint "case_number_unique" unique ("number");`);
    this.addSql(`create index "case_county_id_status_due_at_id_index" on "case" ("county_id", "status", "due_at", "id");`);
    this.addSql(`create index "case_source_id_id_index" on "case" ("source_id", "id");`);
    this.addSql(`create index "case_grid_id_id_index" on "case" ("grid_id", "id");`);

    this.addSql(`create table "case_event" ("id" bigserial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "case_id" int not null, "grid_id" int not null, "action" "case_action" not null, "from_status" "case_status" null, "to_status" "case_status" not null, "actor_id" int null, "actor_role" "role" null, "actor_unit_id" int null, "at" timestamptz not null default now(), "note" text null);`);
    this.addSql(`create index "case_event_city_id_index" on "case_event" ("city_id");`);
    this.addSql(`create index "case_event_county_id_index" on "case_event" ("county_id");`);
    this.addSql(`create index "case_event_township_id_index" on "case_event" ("township_id");`);
    this.addSql(`create index "case_event_case_id_id_index" on "case_event" ("case_id", "id");`);

    this.addSql(`create table "pollution_source_change" ("id" serial primary key, "source_id" int not null, "account_id" int null, "at" timestamptz not null default now(), "action" "source_change_action" not null, "changes" jsonb not null);`);
    this.addSql(`create index "pollution_source_change_source_id_id_index" on "pollution_source_change" ("source_id", "id");`);

    this.addSql(`create table "session" ("id" serial primary key, "token_hash" varchar(64) not null, "account_id" int not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);

    this.addSql(`alter table "grid" add constraint "grid_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "grid" add constraint "grid_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "grid" add constraint "grid_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "grid" add constraint "grid_parent_id_foreign" foreign key ("parent_id") references "grid" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "department" add constraint "department_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "department" add constraint "department_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "department" add constraint "department_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "department" add constraint "department_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);

    this.addSql(`alter table "department_category" add constraint "department_category_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "department_category" add constraint "department_category_case_category_id_foreign" foreign key ("case_category_id") references "case_category" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "grid_worker" add constraint "grid_worker_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "grid_worker" add constraint "grid_worker_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "grid_worker" add constraint "grid_worker_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "grid_worker" add constraint "grid_worker_employer_unit_id_foreign" foreign key ("employer_unit_id") references "grid" ("id") on update cascade;`);

    this.addSql(`alter table "grid_worker_grid" add constraint "grid_worker_grid_grid_worker_id_foreign" foreign key ("grid_worker_id") references "grid_worker" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "grid_worker_grid" add constraint "grid_worker_grid_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "officer" add constraint "officer_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "officer" add constraint "officer_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "officer" add constraint "officer_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "officer" add constraint "officer_employer_unit_id_foreign" foreign key ("employer_unit_id") references "grid" ("id") on update cascade;`);

    this.addSql(`alter table "account" add constraint "account_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "account" add constraint "account_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "account" add constraint "account_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "account" add constraint "account_grid_worker_id_foreign" foreign key ("grid_worker_id") references "grid_worker" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "officer_grid" add constraint "officer_grid_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "officer_grid" add constraint "officer_grid_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "pollution_source" add constraint "pollution_source_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "pollution_source" add constraint "pollution_source_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "pollution_source" add constraint "pollution_source_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "pollution_source" add constraint "pollution_source_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);

    this.addSql(`alter table "case" add constraint "case_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case" add constraint "case_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case" add constraint "case_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case" add constraint "case_category_id_foreign" foreign key ("category_id") references "case_category" ("id") on update cascade;`);
    this.addSql(`alter table "case" add constraint "case_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case" add constraint "case_source_id_foreign" foreign key ("source_id") references "pollution_source" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case" add constraint "case_reported_by_id_foreign" foreign key ("reported_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case_event" add constraint "case_event_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case_event" add constraint "case_event_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_event" add constraint "case_event_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_event" add constraint "case_event_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`);
    this.addSql(`alter table "case_event" add constraint "case_event_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case_event" add constraint "case_event_actor_id_foreign" foreign key ("actor_id") references "account" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_event" add constraint "case_event_actor_unit_id_foreign" foreign key ("actor_unit_id") references "grid" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "pollution_source_change" add constraint "pollution_source_change_source_id_foreign" foreign key ("source_id") references "pollution_source" ("id") on update cascade;`);
    this.addSql(`alter table "pollution_source_change" add constraint "pollution_source_change_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
  }

}
