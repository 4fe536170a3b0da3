import { Migration } from '@mikro-orm/migrations';

export class Migration20261128155357 extends Migration {

  // Working-day deadlines: the holiday table, the city's time limits, case complexity and the complaint answer date.
  override async up(): Promise<void> {
    this.addSql(`create type "case_complexity" as enum ('NORMAL', 'COMPLEX', 'SPECIAL');`);
    this.addSql(`create type "deadline_step" as enum ('FILE', 'LOCAL', 'DISPATCH', 'HANDLE', 'VERIFY', 'ANSWER');`);
    this.addSql(`create type "limit_unit" as enum ('WORKING_DAYS', 'HOURS', 'SAME_DAY');`);
    this.addSql(`create table "calendar_day" ("id" serial primary key, "day" date not null, "working" boolean not null, "name" varchar(40) not null, "source" varchar(40) not null);`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_day_unique" unique ("day");`);

    this.addSql(`create table "time_limit" ("id" serial primary key, "step" "deadline_step" not null, "origin" "case_origin" null, "category_id" int null, "urgency" "case_urgency" null, "complexity" "case_complexity" null, "amount" int not null, "unit" "limit_unit" not null);`);
    this.addSql(`create unique index "time_limit_key_unique" on "time_limit" ("step", "origin", "category_id", "urgency", "complexity") nulls not distinct;`);

    this.addSql(`alter table "time_limit" add constraint "time_limit_category_id_foreign" foreign key ("category_id") references "case_category" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "case" add column "complexity" "case_complexity" not null default 'NORMAL', add column "answer_due_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_day" cascade;`);

    this.addSql(`drop table if exists "time_limit" cascade;`);

    this.addSql(`alter table "case" drop column "complexity", drop column "answer_due_at";`);

    this.addSql(`drop type "case_complexity";`);
    this.addSql(`drop type "deadline_step";`);
    this.addSql(`drop type "limit_unit";`);
  }

}
