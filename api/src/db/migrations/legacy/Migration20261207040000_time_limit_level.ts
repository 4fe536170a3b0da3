import { Migration } from '@mikro-orm/migrations';

/**
 * Time limits per level (分级时限): a limit row may name the level of the unit the case waits
 * on (e.g. 立卷 within 1 working day at a township, 2 at a county). Empty matches every level,
 * so the rows on file keep their meaning; the key's unique index takes the level in.
 */
export class Migration20261207040000_time_limit_level extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "time_limit" add column "level" "grid_level" null;`);
    this.addSql(`drop index "time_limit_key_unique";`);
    this.addSql(`create unique index "time_limit_key_unique" on "time_limit" ("step", "origin", "category_id", "urgency", "complexity", "level") nulls not distinct;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "time_limit" where "level" is not null;`);
    this.addSql(`drop index "time_limit_key_unique";`);
    this.addSql(`create unique index "time_limit_key_unique" on "time_limit" ("step", "origin", "category_id", "urgency", "complexity") nulls not distinct;`);
    this.addSql(`alter table "time_limit" drop column "level";`);
  }
}
