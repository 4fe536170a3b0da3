import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql } from '../../rls-sql';

/** Evidence (photos, documents) follows its case under row-level security. */
export class Migration20261128164500_evidence_rls extends Migration {
  override async up(): Promise<void> {
    rowLevelSecuritySql('case_evidence', `exists (select 1 from "case" c where c.id = case_id)`).forEach((sql) => this.addSql(sql));
  }
}
