import { Migration } from '@mikro-orm/migrations';

/**
 * Complaints answered (issue 22): the channel a complaint came through and its ticket number
 * (工单号, unique per channel city-wide: the hotline numbers its tickets), the reply (答复) to
 * the complainant, and which deadline an alert is about, so the answer limit (answer_due_at)
 * raises its own 催办/督办 beside the step's, even when both fall on the same instant.
 * No new table: `case` and `case_alert` keep their row-level security policies.
 */
export class Migration20261207050000_complaint_channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "case_action" add value if not exists 'ANSWER';`);
    this.addSql(`create type "case_channel" as enum ('HOTLINE_12345', 'HOTLINE_12369', 'WECHAT', 'PHONE', 'LETTER', 'VISIT', 'API');`);
    this.addSql(`create type "answer_method" as enum ('PHONE', 'SMS', 'LETTER', 'VISIT', 'ONLINE');`);
    this.addSql(`create type "answer_satisfaction" as enum ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'NOT_REACHED');`);
    this.addSql(`alter table "case" add column "channel" "case_channel" null, add column "external_ticket" varchar(40) null,
      add column "answered_at" timestamptz null, add column "answer_text" text null,
      add column "answer_method" "answer_method" null, add column "answer_satisfaction" "answer_satisfaction" null;`);
    this.addSql(`alter table "case" add constraint "case_channel_external_ticket_unique" unique ("channel", "external_ticket");`);
    this.addSql(`create index "case_channel_reported_at_id_index" on "case" ("channel", "reported_at", "id");`);
    // The sweep's unanswered complaints by answer limit (it runs as the owner, outside row-level security).
    this.addSql(`create index "case_unanswered_answer_due_at_index" on "case" ("answer_due_at") where "origin" = 'COMPLAINT' and "answered_at" is null;`);

    this.addSql(`create type "alert_deadline" as enum ('STEP', 'ANSWER');`);
    this.addSql(`alter table "case_alert" add column "deadline" "alert_deadline" not null default 'STEP';`);
    this.addSql(`alter table "case_alert" drop constraint "case_alert_case_id_kind_due_at_unique";`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_case_id_kind_due_at_deadline_unique" unique ("case_id", "kind", "due_at", "deadline");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_alert" drop constraint "case_alert_case_id_kind_due_at_deadline_unique";`);
    this.addSql(`delete from "case_alert" where "deadline" = 'ANSWER';`);
    this.addSql(`alter table "case_alert" add constraint "case_alert_case_id_kind_due_at_unique" unique ("case_id", "kind", "due_at");`);
    this.addSql(`alter table "case_alert" drop column "deadline";`);
    this.addSql(`drop type "alert_deadline";`);
    this.addSql(`drop index "case_unanswered_answer_due_at_index";`);
    this.addSql(`drop index "case_channel_reported_at_id_index";`);
    this.addSql(`alter table "case" drop constraint "case_channel_external_ticket_unique";`);
    this.addSql(`alter table "case" drop column "channel", drop column "external_ticket", drop column "answered_at", drop column "answer_text", drop column "answer_method", drop column "answer_satisfaction";`);
    this.addSql(`drop type "answer_satisfaction";`);
    this.addSql(`drop type "answer_method";`);
    this.addSql(`drop type "case_channel";`);
    // 'ANSWER' stays in case_action: Postgres cannot drop an enum value, and past events may hold it.
  }
}
