import { Migration } from '@mikro-orm/migrations';

export class Migration20261128211411_spot_check_cancel extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "spot_check_status" add value if not exists 'CANCELLED' after 'PUBLISHED';`);

    this.addSql(`alter table "spot_check_campaign" add column "cancelled_at" timestamptz null, add column "cancel_reason" text null, add column "cancelled_by_id" int null;`);
    this.addSql(`alter table "spot_check_campaign" add constraint "spot_check_campaign_cancelled_by_id_foreign" foreign key ("cancelled_by_id") references "account" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "spot_check_campaign" drop constraint "spot_check_campaign_cancelled_by_id_foreign";`);

    this.addSql(`alter table "spot_check_campaign" drop column "cancelled_at", drop column "cancel_reason", drop column "cancelled_by_id";`);
  }

}
