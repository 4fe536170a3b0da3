import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES } from '../../rls-sql';

/**
 * A unit that escalated a case (上报上一级网格) keeps following it: it reads the department
 * that leads the case above it. The handling unit is already readable (grid_unit_path: the
 * units above one's own); a department is readable when it leads a case the caller may read
 * (the subquery runs under the case's own policies). The index keeps that lookup cheap.
 */
export class Migration20261207040100_escalated_case_units extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "case_lead_department_id_index" on "case" ("lead_department_id");`);
    this.addSql(
      `create policy department_leads_visible_case on department for select to ${TENANT_ROLES.join(', ')} using (exists (select 1 from "case" c where c.lead_department_id = department.id));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy department_leads_visible_case on department;`);
    this.addSql(`drop index "case_lead_department_id_index";`);
  }
}
