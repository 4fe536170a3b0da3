import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES } from '../../rls-sql';

/**
 * Whether a department has anyone who can act for it (an active account). A dispatcher reads
 * departments but not accounts, and a lead with no account stalls the case: this answers the
 * one fact, for departments the caller already read through its own scope, and nothing more.
 */
export class Migration20261207070000_department_staffed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function gw_staffed_departments(p_ids int[]) returns setof int
      language sql stable security definer set search_path = public as $$
        select distinct department_id from account where active and department_id = any(p_ids)
      $$;`);
    this.addSql(`revoke all on function gw_staffed_departments(int[]) from public;`);
    this.addSql(`grant execute on function gw_staffed_departments(int[]) to ${TENANT_ROLES.join(', ')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_staffed_departments(int[]);`);
  }
}
