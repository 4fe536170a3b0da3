import { Migration } from '@mikro-orm/migrations';

/**
 * A working calendar that knows what it does not know. `calendar_year` lists the years whose
 * official schedule (国务院办公厅 holiday notice) is loaded; a deadline counted through any other
 * year is provisional (weekdays only) and keeps its basis (start, working days) so that loading
 * the schedule later can recompute it. RECOMPUTE_DEADLINE is the timeline event of such a change.
 */
export class Migration20261205060000_calendar_years extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "calendar_year" ("year" int primary key, "source" varchar(60) not null, "loaded_at" timestamptz not null, "loaded_by_id" int null references "account" ("id") on delete set null);`);
    // Databases seeded before: the years their holiday table already covers count as loaded.
    this.addSql(`insert into "calendar_year" ("year", "source", "loaded_at")
      select extract(year from "day")::int, min("source"), now() from "calendar_day" group by 1 on conflict do nothing;`);
    this.addSql(`alter table "case" add column "due_provisional" boolean not null default false, add column "due_basis_at" timestamptz null, add column "due_basis_days" int null;`);
    this.addSql(`alter type "case_action" add value if not exists 'RECOMPUTE_DEADLINE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case" drop column "due_provisional", drop column "due_basis_at", drop column "due_basis_days";`);
    this.addSql(`drop table if exists "calendar_year";`);
  }
}
