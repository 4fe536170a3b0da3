import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql } from '../../rls-sql';

/** Inspection photos follow their inspection under row-level security. */
export class Migration20261128184000_inspection_photo_rls extends Migration {
  override async up(): Promise<void> {
    rowLevelSecuritySql('inspection_photo', `exists (select 1 from inspection i where i.id = inspection_id)`).forEach((sql) => this.addSql(sql));
  }
}
