import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql } from '../../rls-sql';

/**
 * The workflow's tenant tables follow their case under row-level security. The chain
 * heads (case_event_chain: county id, sequence, hash) and the city's configuration tables
 * (calendar_day, time_limit) hold no tenant data and stay readable to the API role.
 */
export class Migration20261128162500_workflow_rls extends Migration {
  override async up(): Promise<void> {
    for (const table of ['case_assignment', 'case_alert']) {
      rowLevelSecuritySql(table, `exists (select 1 from "case" c where c.id = case_id)`).forEach((sql) => this.addSql(sql));
    }
  }
}
