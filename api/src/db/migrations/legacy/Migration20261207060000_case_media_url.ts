import { Migration } from '@mikro-orm/migrations';

/**
 * A link to the complainant's photo or video (Open311 `media_url`): third-party channels send
 * a URL rather than the file. It is stored as given and never fetched by the server.
 */
export class Migration20261207060000_case_media_url extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "case" add column "media_url" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case" drop column "media_url";`);
  }
}
