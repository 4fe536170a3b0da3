import { Migration } from '@mikro-orm/migrations';

export class Migration20261128180412 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "source_status" add value if not exists 'REJECTED' after 'CLOSED';`);

    this.addSql(`alter type "source_change_action" add value if not exists 'CONFIRMED' after 'DEACTIVATED';`);

    this.addSql(`alter type "source_change_action" add value if not exists 'REJECTED' after 'CONFIRMED';`);

    this.addSql(`alter table "pollution_source_change" add column "actor_name" varchar(60) null, add column "actor_role" "role" null, add column "reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pollution_source_change" drop column "actor_name", drop column "actor_role", drop column "reason";`);
  }

}
