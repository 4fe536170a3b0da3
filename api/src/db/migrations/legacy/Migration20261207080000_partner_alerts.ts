import { Migration } from '@mikro-orm/migrations';

/**
 * 联合执法: a partner department's own deadline (协办时限) is chased like a step's: 催办 on its
 * last day, 督办 once it has passed, each once per assignment, kind and deadline. Two partners
 * of one case may share a due instant, so partner alerts are unique per assignment; the case's
 * own alerts keep their key among the rows without one. No new table.
 */
export class Migration20261207080000_partner_alerts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "alert_deadline" add value if not exists 'PARTNER';`);
    this.addSql(`alter table "case_alert" add column "assignment_id" int null references "case_assignment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "case_alert" drop constraint "case_alert_case_id_kind_due_at_deadline_unique";`);
    this.addSql(`create unique index "case_alert_case_id_kind_due_at_deadline_unique" on "case_alert" ("case_id", "kind", "due_at", "deadline") where "assignment_id" is null;`);
    this.addSql(`create unique index "case_alert_assignment_id_kind_due_at_unique" on "case_alert" ("assignment_id", "kind", "due_at") where "assignment_id" is not null;`);
    // The sweep's partners still owing their part, by deadline (it runs as the owner).
    this.addSql(`create index "case_assignment_open_partner_due_at_index" on "case_assignment" ("due_at") where "active" and not "lead" and "state" <> 'FED_BACK';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "case_assignment_open_partner_due_at_index";`);
    this.addSql(`delete from "case_alert" where "assignment_id" is not null;`);
    this.addSql(`drop index "case_alert_assignment_id_kind_due_at_unique";`);
    this.addSql(`drop index "case_alert_case_id_kind_due_at_deadline_unique";`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_case_id_kind_due_at_deadline_unique" unique ("case_id", "kind", "due_at", "deadline");`);
    this.addSql(`alter table "case_alert" drop column "assignment_id";`);
  }
}
