import { Migration } from '@mikro-orm/migrations';
import { SCOPE_LEVELS } from '../../rls-sql';

/**
 * `gw_bind_unit` runs in front of every request's reads, and as PL/pgSQL that asked the
 * catalogue who the login is each time it cost PostgreSQL about 60 µs of CPU a call, three
 * times the read of a case it bound the caller for. The same three settings as one SQL
 * expression cost a third of that (pgbench, 8 clients, bind + case by id: 17-20k → 31-34k a
 * second). Whether the login keeps its own role (the owner, for the benchmark's RLS-off
 * variant) is a property of the connection's login, so it is asked once per connection and
 * kept in the session setting `gw.keeps_own`. A session that set it to 'true' itself would stay
 * the app role, which no tenant policy names: it would see no tenant row. Same arguments,
 * same result, same settings; the policies are unchanged.
 */
export class Migration20261205140000_bind_unit_sql extends Migration {
  override async up(): Promise<void> {
    // Asked once per connection, then kept in the session setting (a session's login never changes).
    this.addSql(`create or replace function gw_keeps_own_role() returns boolean language plpgsql volatile as $$
      declare kept text;
      begin
        select (r.rolsuper or r.rolbypassrls or pg_has_role(session_user, c.relowner, 'USAGE'))::text into kept
          from pg_roles r, pg_class c where r.rolname = session_user and c.oid = 'grid'::regclass;
        perform set_config('gw.keeps_own', kept, false);
        return kept::boolean;
      end $$;`);
    // A SQL function's body is planned on every call (before PostgreSQL 18), so it holds no query:
    // the catalogue is asked only when the session setting is not there yet.
    this.addSql(`create or replace function gw_bind_unit(p_level text, p_unit int, p_path int[]) returns text
      language sql volatile as $$
      select set_config('gw.unit', coalesce(p_level || ':' || p_unit, ''), true)
        || left(set_config('gw.path', coalesce(p_path, '{}')::text, true), 0)
        || left(set_config('role', case when p_level in ('${SCOPE_LEVELS.join("','")}')
                  and not coalesce(nullif(current_setting('gw.keeps_own', true), '')::boolean, gw_keeps_own_role())
                then 'gridwatch_' || lower(p_level) else 'none' end, true), 0)
    $$;`);
  }
}
