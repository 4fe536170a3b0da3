import { Migration } from '@mikro-orm/migrations';

/**
 * 联合执法: every department of a dispatch has its own step on its assignment (accepted, fed
 * back with its own result, its own deadline), versioned like the case. The partners' steps
 * are case events (ACCEPT_ASSIGNMENT, FEED_BACK_ASSIGNMENT) on the one timeline and hash chain.
 * case_assignment is already under row-level security; nothing new to scope.
 */
export class Migration20261207010000_joint_enforcement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter type "case_action" add value if not exists 'ACCEPT_ASSIGNMENT';`);
    this.addSql(`alter type "case_action" add value if not exists 'FEED_BACK_ASSIGNMENT';`);
    this.addSql(`create type "assignment_state" as enum ('DISPATCHED', 'ACCEPTED', 'FED_BACK');`);
    this.addSql(`alter table "case_assignment"
      add column "version" int not null default 1,
      add column "state" "assignment_state" not null default 'DISPATCHED',
      add column "due_at" timestamptz null,
      add column "due_provisional" boolean not null default false,
      add column "accepted_at" timestamptz null,
      add column "accepted_by_id" int null,
      add column "accepted_by_name" varchar(60) null,
      add column "fed_back_at" timestamptz null,
      add column "fed_back_by_id" int null,
      add column "fed_back_by_name" varchar(60) null,
      add column "feedback" text null;`);
    this.addSql(`alter table "case_assignment" add constraint "case_assignment_accepted_by_id_foreign" foreign key ("accepted_by_id") references "account" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_assignment" add constraint "case_assignment_fed_back_by_id_foreign" foreign key ("fed_back_by_id") references "account" ("id") on update cascade on delete set null;`);
    // Compared as text: case_status values added in the template build's one transaction cannot be parsed yet.
    // The lead's state follows the case's own steps (受理, 结果反馈); partners of earlier
    // dispatches had no step of their own and stay DISPATCHED.
    this.addSql(`update "case_assignment" a set "state" = case when c."status"::text in ('FED_BACK', 'CLOSED', 'EVALUATED') then 'FED_BACK'::"assignment_state" else 'ACCEPTED'::"assignment_state" end
      from "case" c where c."id" = a."case_id" and a."lead" and a."active" and c."status"::text in ('IN_PROGRESS', 'EXTENSION_REQUESTED', 'PARKED', 'FED_BACK', 'CLOSED', 'EVALUATED');`);
  }
}
