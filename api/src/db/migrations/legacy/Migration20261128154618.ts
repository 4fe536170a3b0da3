import { Migration } from '@mikro-orm/migrations';

export class Migration20261128154618 extends Migration {

  // Case workflow: dispatch records, handling unit (no-platform path), extensions, parking,
  // evaluation, duplicates, idempotent reporting. Enum values cannot be dropped in down().
  override async up(): Promise<void> {
    this.addSql(`create table "case_assignment" ("id" serial primary key, "city_id" int not null, "county_id" int null, "township_id" int null, "case_id" int not null, "department_id" int not null, "at" timestamptz not null, "lead" boolean not null default false, "suggested" boolean not null, "active" boolean not null default true);`);
    this.addSql(`create index "case_assignment_city_id_index" on "case_assignment" ("city_id");`);
    this.addSql(`create index "case_assignment_county_id_index" on "case_assignment" ("county_id");`);
    this.addSql(`create index "case_assignment_township_id_index" on "case_assignment" ("township_id");`);
    this.addSql(`create index "case_assignment_department_id_index" on "case_assignment" ("department_id");`);
    this.addSql(`create index "case_assignment_case_id_id_index" on "case_assignment" ("case_id", "id");`);

    this.addSql(`alter table "case_assignment" add constraint "case_assignment_city_id_foreign" foreign key ("city_id") references "grid" ("id") on update cascade;`);
    this.addSql(`alter table "case_assignment" add constraint "case_assignment_county_id_foreign" foreign key ("county_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_assignment" add constraint "case_assignment_township_id_foreign" foreign key ("township_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case_assignment" add constraint "case_assignment_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`);
    this.addSql(`alter table "case_assignment" add constraint "case_assignment_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade;`);

    this.addSql(`alter table "grid" add column "has_platform" boolean not null default false;`);

    this.addSql(`alter type "case_status" add value if not exists 'EXTENSION_REQUESTED' after 'IN_PROGRESS';`);

    this.addSql(`alter table "case" add column "handling_unit_id" int null, add column "handling_parent_id" int null, add column "via_platform" boolean not null default false, add column "lead_department_id" int null, add column "extension_count" int not null default 0, add column "requested_extension_days" int null, add column "review_at" timestamptz null, add column "score" int null, add column "duplicate_of_id" int null, add column "idempotency_key" varchar(80) null, add column "payload_hash" varchar(64) null;`);
    this.addSql(`alter table "case" add constraint "case_handling_unit_id_foreign" foreign key ("handling_unit_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case" add constraint "case_handling_parent_id_foreign" foreign key ("handling_parent_id") references "grid" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case" add constraint "case_lead_department_id_foreign" foreign key ("lead_department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "case" add constraint "case_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "case" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "case_handling_unit_id_status_index" on "case" ("handling_unit_id", "status");`);
    this.addSql(`alter table "case" add constraint "case_reported_by_id_idempotency_key_unique" unique ("reported_by_id", "idempotency_key");`);

    this.addSql(`alter type "case_action" add value if not exists 'FILE' after 'REPORT';`);

    this.addSql(`alter type "case_action" add value if not exists 'CANCEL' after 'FILE';`);

    this.addSql(`alter type "case_action" add value if not exists 'ESCALATE' after 'CANCEL';`);

    this.addSql(`alter type "case_action" add value if not exists 'DISPATCH' after 'ESCALATE';`);

    this.addSql(`alter type "case_action" add value if not exists 'ACCEPT' after 'DISPATCH';`);

    this.addSql(`alter type "case_action" add value if not exists 'RETURN' after 'ACCEPT';`);

    this.addSql(`alter type "case_action" add value if not exists 'FEEDBACK' after 'RETURN';`);

    this.addSql(`alter type "case_action" add value if not exists 'REQUEST_EXTENSION' after 'FEEDBACK';`);

    this.addSql(`alter type "case_action" add value if not exists 'APPROVE_EXTENSION' after 'REQUEST_EXTENSION';`);

    this.addSql(`alter type "case_action" add value if not exists 'REJECT_EXTENSION' after 'APPROVE_EXTENSION';`);

    this.addSql(`alter type "case_action" add value if not exists 'PARK' after 'REJECT_EXTENSION';`);

    this.addSql(`alter type "case_action" add value if not exists 'RESUME' after 'PARK';`);

    this.addSql(`alter type "case_action" add value if not exists 'VERIFY_PASS' after 'RESUME';`);

    this.addSql(`alter type "case_action" add value if not exists 'VERIFY_FAIL' after 'VERIFY_PASS';`);

    this.addSql(`alter type "case_action" add value if not exists 'EVALUATE' after 'VERIFY_FAIL';`);

    this.addSql(`alter type "case_action" add value if not exists 'REOPEN' after 'EVALUATE';`);

    this.addSql(`alter table "case_event" add column "reason" text null, add column "details" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_assignment" cascade;`);

    this.addSql(`alter table "case" drop constraint "case_handling_unit_id_foreign";`);
    this.addSql(`alter table "case" drop constraint "case_handling_parent_id_foreign";`);
    this.addSql(`alter table "case" drop constraint "case_lead_department_id_foreign";`);
    this.addSql(`alter table "case" drop constraint "case_duplicate_of_id_foreign";`);

    this.addSql(`drop index "case_handling_unit_id_status_index";`);
    this.addSql(`alter table "case" drop constraint "case_reported_by_id_idempotency_key_unique";`);
    this.addSql(`alter table "case" drop column "handling_unit_id", drop column "handling_parent_id", drop column "via_platform", drop column "lead_department_id", drop column "extension_count", drop column "requested_extension_days", drop column "review_at", drop column "score", drop column "duplicate_of_id", drop column "idempotency_key", drop column "payload_hash";`);

    this.addSql(`alter table "case_event" drop column "reason", drop column "details";`);

    this.addSql(`alter table "grid" drop column "has_platform";`);
  }

}
