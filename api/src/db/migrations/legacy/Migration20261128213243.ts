import { Migration } from '@mikro-orm/migrations';

export class Migration20261128213243 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_event" add column "digest_version" smallint null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_event" drop column "digest_version";`);
  }

}
