import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

/**
 * Audits (督查/稽查) carry the audited unit's scope: the auditor one level up and the audited
 * unit both see them; sibling units do not. Samples follow their audit.
 */
export class Migration20261128190500_audit_rls extends Migration {
  override async up(): Promise<void> {
    rowLevelSecuritySql('audit', tenantCondition('audited_unit_id')).forEach((sql) => this.addSql(sql));
    rowLevelSecuritySql('audit_recommendation', tenantCondition('audited_unit_id')).forEach((sql) => this.addSql(sql));
    rowLevelSecuritySql('audit_sample', `exists (select 1 from audit a where a.id = audit_id)`).forEach((sql) => this.addSql(sql));
  }
}
