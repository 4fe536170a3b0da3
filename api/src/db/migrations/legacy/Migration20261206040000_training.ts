import { Migration } from '@mikro-orm/migrations';

/**
 * Training records (分级分类轮训, issue 18): courses and sessions organised by a city, county or
 * township, and who attended (an officer or a grid worker). Tables only; their row-level
 * security is the next migration.
 */
export class Migration20261206040000_training extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "training_topic" as enum ('LAW', 'ENFORCEMENT', 'GRID_PATROL', 'POLLUTION_SOURCES', 'CASE_HANDLING', 'OTHER');`);
    this.addSql(`create type "training_audience" as enum ('OFFICERS', 'GRID_WORKERS', 'ALL');`);
    this.addSql(`create table "training_course" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "unit_id" int not null, "level" "grid_level" not null, "title" varchar(100) not null, "topic" "training_topic" not null, "audience" "training_audience" not null, "active" boolean not null default true, "created_by_id" int null);`);
    this.addSql(`create index "training_course_city_id_index" on "training_course" ("city_id");`);
    this.addSql(`create index "training_course_county_id_index" on "training_course" ("county_id");`);
    this.addSql(`create index "training_course_township_id_index" on "training_course" ("township_id");`);
    this.addSql(`create index "training_course_unit_id_index" on "training_course" ("unit_id");`);

    this.addSql(`create table "training_session" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "course_id" int not null, "unit_id" int not null, "held_on" date not null, "place" varchar(200) not null, "hours" int not null default 1, "created_by_id" int null);`);
    this.addSql(`create index "training_session_city_id_index" on "training_session" ("city_id");`);
    this.addSql(`create index "training_session_county_id_index" on "training_session" ("county_id");`);
    this.addSql(`create index "training_session_township_id_index" on "training_session" ("township_id");`);
    this.addSql(`create index "training_session_course_id_index" on "training_session" ("course_id");`);
    this.addSql(`create index "training_session_unit_id_index" on "training_session" ("unit_id");`);
    this.addSql(`create index "training_session_held_on_index" on "training_session" ("held_on");`);

    this.addSql(`create table "training_attendance" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "session_id" int not null, "session_unit_id" int not null, "attendee_unit_id" int not null, "officer_id" int null, "grid_worker_id" int null, "recorded_at" timestamptz not null default now(), "recorded_by_id" int null);`);
    this.addSql(`create index "training_attendance_city_id_index" on "training_attendance" ("city_id");`);
    this.addSql(`create index "training_attendance_county_id_index" on "training_attendance" ("county_id");`);
    this.addSql(`create index "training_attendance_township_id_index" on "training_attendance" ("township_id");`);
    this.addSql(`create index "training_attendance_session_id_index" on "training_attendance" ("session_id");`);
    this.addSql(`create index "training_attendance_session_unit_id_index" on "training_attendance" ("session_unit_id");`);
    this.addSql(`create index "training_attendance_officer_id_index" on "training_attendance" ("officer_id");`);
    this.addSql(`create index "training_attendance_grid_worker_id_index" on "training_attendance" ("grid_worker_id");`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_one_person" check (num_nonnulls("officer_id", "grid_worker_id") = 1);`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_session_id_grid_worker_id_unique" unique ("session_id", "grid_worker_id");`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_session_id_officer_id_unique" unique ("session_id", "officer_id");`);

    this.addSql(`alter table "training_course" add constraint "training_course_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_course" add constraint "training_course_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_course" add constraint "training_course_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_course" add constraint "training_course_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_course" add constraint "training_course_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_session" add constraint "training_session_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_session" add constraint "training_session_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_session" add constraint "training_session_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_session" add constraint "training_session_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade;`);
    this.addSql(`alter table "training_session" add constraint "training_session_unit_id_foreign" foreign key ("unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_session" add constraint "training_session_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "training_attendance" add constraint "training_attendance_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_session_unit_id_foreign" foreign key ("session_unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_attendee_unit_id_foreign" foreign key ("attendee_unit_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_grid_worker_id_foreign" foreign key ("grid_worker_id") references "grid_worker" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_recorded_by_id_foreign" foreign key ("recorded_by_id") references "account" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "training_session" drop constraint "training_session_course_id_foreign";`);

    this.addSql(`alter table "training_attendance" drop constraint "training_attendance_session_id_foreign";`);

    this.addSql(`drop table if exists "training_course" cascade;`);

    this.addSql(`drop table if exists "training_session" cascade;`);

    this.addSql(`drop table if exists "training_attendance" cascade;`);

    this.addSql(`drop type "training_topic";`);
    this.addSql(`drop type "training_audience";`);
  }

}
