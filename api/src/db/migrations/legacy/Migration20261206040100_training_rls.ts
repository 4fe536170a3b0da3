import { Migration } from '@mikro-orm/migrations';
import { SCOPE_LEVELS, TENANT_ROLES, scopeRole } from '../../rls-sql';

/**
 * Row-level security of the training tables, in the shape Migration20261129000000_rls_level_roles
 * gave every tenant table: one equality policy per level role (the village level by `anchor`),
 * and the owner's policy. Courses and sessions are organised by a unit and read below it too
 * (a county's people attend the city's courses): read-only along the unit path, as
 * sensitive periods and enforcement plans are. Attendance is scoped by the attendee.
 */
const TABLES: [table: string, anchor: string, unitPath: boolean][] = [
  ['training_course', 'unit_id', true],
  ['training_session', 'unit_id', true],
  ['training_attendance', 'attendee_unit_id', false],
];

const LEVEL_COLUMNS = ['city_id', 'county_id', 'township_id'];

export class Migration20261206040100_training_rls extends Migration {
  override async up(): Promise<void> {
    for (const [table, anchor, unitPath] of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      SCOPE_LEVELS.forEach((level, i) => {
        const column = LEVEL_COLUMNS[i] ?? anchor;
        const condition = `${column} = gw_unit_id('${level}')`;
        this.addSql(`create policy ${table}_${level.toLowerCase()} on "${table}" to ${scopeRole(level)} using (${condition}) with check (${condition});`);
      });
      this.addSql(`create policy ${table}_owner on "${table}" to current_user using (true) with check (true);`);
      if (unitPath) this.addSql(`create policy ${table}_unit_path on "${table}" for select to ${TENANT_ROLES.join(', ')} using (unit_id = any(gw_unit_path()));`);
    }
  }

  override async down(): Promise<void> {
    for (const [table] of TABLES) this.addSql(`alter table "${table}" disable row level security;`);
  }
}
