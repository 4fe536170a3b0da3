import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES } from '../../rls-sql';

/**
 * The alert inbox (issue 22): 催办/督办/通报 become alerts on a case, a task (任务) or an audit
 * recommendation (整改意见), one table so `Case.alerts` and the sweep's unique keys stay as
 * they were. An alert is acknowledged once for its unit (签收: who, when, a note); reading is
 * per person (alert_read), since a county bureau's alert is read by several people.
 * Rows follow their subject under row-level security, as case alerts already did.
 */
export class Migration20261207020000_alert_inbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "alert_subject" as enum ('CASE', 'TASK', 'RECOMMENDATION');`);
    this.addSql(`alter table "case_alert"
      alter column "case_id" drop not null,
      add column "subject_kind" "alert_subject" not null default 'CASE',
      add column "grid_id" int null references "grid" ("id") on update cascade,
      add column "task_id" int null references "work_task" ("id") on update cascade,
      add column "recommendation_id" int null references "audit_recommendation" ("id") on update cascade,
      add column "officer_id" int null references "officer" ("id") on update cascade on delete set null,
      add column "grid_worker_id" int null references "grid_worker" ("id") on update cascade on delete set null,
      add column "case_status" "case_status" null,
      add column "unit_level" "grid_level" null,
      add column "acknowledged_at" timestamptz null,
      add column "acknowledged_by_id" int null references "account" ("id") on update cascade on delete set null,
      add column "acknowledgement_note" varchar(500) null;`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_one_subject" check (
      (subject_kind = 'CASE' and case_id is not null and task_id is null and recommendation_id is null)
      or (subject_kind = 'TASK' and task_id is not null and case_id is null and recommendation_id is null)
      or (subject_kind = 'RECOMMENDATION' and recommendation_id is not null and case_id is null and task_id is null));`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_task_id_kind_due_at_unique" unique ("task_id", "kind", "due_at");`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_recommendation_id_kind_due_at_unique" unique ("recommendation_id", "kind", "due_at");`);
    // The subject's grid (what officers' and grid workers' territory is written in), and the step a
    // case alert was raised for: older rows take the case's step as it is now.
    this.addSql(`update "case_alert" a set "case_status" = c.status, "grid_id" = c.grid_id from "case" c where c.id = a.case_id;`);
    this.addSql(`alter table "case_alert" alter column "grid_id" set not null;`);
    this.addSql(`update "case_alert" a set "unit_level" = g.level from grid g where g.id = a.handling_unit_id;`);
    this.addSql(`create index "case_alert_grid_id_index" on "case_alert" ("grid_id");`);
    this.addSql(`create index "case_alert_city_id_at_index" on "case_alert" ("city_id", "at", "id");`);
    this.addSql(`create index "case_alert_county_id_at_index" on "case_alert" ("county_id", "at", "id");`);
    this.addSql(`create index "case_alert_township_id_at_index" on "case_alert" ("township_id", "at", "id");`);
    const roles = TENANT_ROLES.join(', ');
    this.addSql(`create policy case_alert_task on "case_alert" to ${roles} using (exists (select 1 from work_task t where t.id = task_id)) with check (exists (select 1 from work_task t where t.id = task_id));`);
    this.addSql(
      `create policy case_alert_recommendation on "case_alert" to ${roles} using (exists (select 1 from audit_recommendation r where r.id = recommendation_id)) with check (exists (select 1 from audit_recommendation r where r.id = recommendation_id));`,
    );

    this.addSql(`create table "alert_read" (
      "alert_id" int not null references "case_alert" ("id") on update cascade on delete cascade,
      "account_id" int not null references "account" ("id") on update cascade on delete cascade,
      "read_at" timestamptz not null,
      primary key ("alert_id", "account_id"));`);
    this.addSql(`create index "alert_read_account_id_index" on "alert_read" ("account_id", "alert_id");`);
    this.addSql(`alter table "alert_read" enable row level security;`);
    this.addSql(`alter table "alert_read" force row level security;`);
    const follows = `exists (select 1 from case_alert a where a.id = alert_id)`;
    this.addSql(`create policy alert_read_tenant on "alert_read" to ${roles} using (${follows}) with check (${follows});`);
    this.addSql(`create policy alert_read_owner on "alert_read" to current_user using (true) with check (true);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "alert_read";`);
    this.addSql(`drop policy if exists case_alert_task on "case_alert";`);
    this.addSql(`drop policy if exists case_alert_recommendation on "case_alert";`);
    this.addSql(`delete from "case_alert" where case_id is null;`);
    this.addSql(`alter table "case_alert" drop constraint "case_alert_one_subject", drop column "subject_kind", drop column "grid_id", drop column "task_id", drop column "recommendation_id",
      drop column "officer_id", drop column "grid_worker_id", drop column "case_status", drop column "unit_level", drop column "acknowledged_at", drop column "acknowledged_by_id",
      drop column "acknowledgement_note", alter column "case_id" set not null;`);
    this.addSql(`drop type "alert_subject";`);
  }
}
