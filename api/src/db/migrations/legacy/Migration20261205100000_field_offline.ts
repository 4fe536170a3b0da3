import { Migration } from '@mikro-orm/migrations';

/**
 * Check-ins made without a network arrive later: `at` is the time the phone recorded,
 * `received_at` the server's; the phone's key makes a resend find the first row instead of
 * adding a second (unique per account that recorded it).
 */
export class Migration20261205100000_field_offline extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "patrol_check_in" add column "received_at" timestamptz null, add column "idempotency_key" varchar(100) null;`);
    this.addSql(`update "patrol_check_in" set "received_at" = "at";`);
    this.addSql(`alter table "patrol_check_in" alter column "received_at" set not null, alter column "received_at" set default now();`);
    this.addSql(`create unique index "patrol_check_in_recorded_by_id_idempotency_key_unique" on "patrol_check_in" ("recorded_by_id", "idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "patrol_check_in_recorded_by_id_idempotency_key_unique";`);
    this.addSql(`alter table "patrol_check_in" drop column "received_at", drop column "idempotency_key";`);
  }
}
