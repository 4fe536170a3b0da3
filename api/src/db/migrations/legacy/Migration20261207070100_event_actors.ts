import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES } from '../../rls-sql';

/**
 * Who did a step of a case (经办人): name, unit and department of the accounts named by events
 * the caller already read through its scope. A reader of a case may know who handled it, though
 * not read those accounts themselves (an operator reads only its own account).
 */
export class Migration20261207070100_event_actors extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function gw_event_actors(p_ids int[]) returns table(id int, name text, unit text, department text)
      language sql stable security definer set search_path = public as $$
        select a.id, a.display_name::text, u.name::text, d.name::text
        from account a join grid u on u.id = a.unit_id left join department d on d.id = a.department_id
        where a.id = any(p_ids)
      $$;`);
    this.addSql(`revoke all on function gw_event_actors(int[]) from public;`);
    this.addSql(`grant execute on function gw_event_actors(int[]) to ${TENANT_ROLES.join(', ')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_event_actors(int[]);`);
  }
}
