import { Migration } from '@mikro-orm/migrations';
import { LEVEL_ROLES, SCOPE_LEVELS, TENANT_ROLES, scopeRole } from '../../rls-sql';

/**
 * One database role per level (gridwatch_city … gridwatch_village), so a tenant policy is a
 * single equality the planner can use as an index condition. The shared policy was an OR over
 * the four levels: a county's list ordered by deadline could not use (county_id, …, due_at),
 * and the planner fetched and sorted all 39,516 of a province county's cases (1.3 s) where
 * the ordered scan reads 50 (0.1 ms). PostgreSQL picks policies by role when it plans, and a
 * request's unit only by value when it runs: so the level goes into the role.
 *
 * The API still logs in as gridwatch_app (NOINHERIT, a member of the level roles) and takes
 * its level role per transaction in gw_bind_unit. The level roles get exactly gridwatch_app's
 * privileges; without a level role no tenant row is visible, as before without a unit.
 */
export class Migration20261129000000_rls_level_roles extends Migration {
  override async up(): Promise<void> {
    const roles = LEVEL_ROLES.join(', ');
    this.addSql(`do $$ declare r text; begin
      foreach r in array array['${LEVEL_ROLES.join("','")}'] loop
        if not exists (select from pg_roles where rolname = r) then
          execute format('create role %I nologin nosuperuser nocreatedb nocreaterole inherit nobypassrls', r);
        end if;
      end loop;
    end $$;`);
    this.addSql(`grant ${roles} to gridwatch_app;`);

    // The same privileges as gridwatch_app, object by object (tables, views, sequences, functions).
    this.addSql(`grant usage on schema public to ${roles};`);
    this.addSql(`do $$ declare o record; begin
      for o in select c.oid::regclass as rel, c.relkind, a.privilege_type
               from pg_class c cross join lateral aclexplode(c.relacl) a
               where c.relnamespace = 'public'::regnamespace and a.grantee = 'gridwatch_app'::regrole loop
        execute format('grant %s on %s %s to ${roles}', o.privilege_type, case when o.relkind = 'S' then 'sequence' else 'table' end, o.rel);
      end loop;
      for o in select p.oid::regprocedure as fn
               from pg_proc p cross join lateral aclexplode(p.proacl) a
               where p.pronamespace = 'public'::regnamespace and a.grantee = 'gridwatch_app'::regrole and a.privilege_type = 'EXECUTE' loop
        execute format('grant execute on function %s to ${roles}', o.fn);
      end loop;
    end $$;`);
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to ${roles};`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to ${roles};`);

    // Tenant policies become one per level; every other policy (rows following a parent, the
    // unit path, published results) applies to every tenant role.
    const levelPolicies = SCOPE_LEVELS.map(
      (level, i) =>
        `execute format('create policy %I on %s to ${scopeRole(level)} using (%I = gw_unit_id(''${level}'')) with check (%I = gw_unit_id(''${level}''))',
           p.tablename || '_${level.toLowerCase()}', p.rel, columns[${i + 1}], columns[${i + 1}]);`,
    ).join('\n');
    this.addSql(`do $$ declare p record; columns text[]; begin
      for p in select format('%I', tablename) as rel, tablename, policyname, qual from pg_policies
               where schemaname = 'public' and roles = '{gridwatch_app}' loop
        if p.policyname = p.tablename || '_tenant' and p.qual like 'gw_visible(%' then
          columns := regexp_match(p.qual, '^gw_visible\\((\\w+), (\\w+), (\\w+), (\\w+)\\)$');
          if columns is null then raise exception 'unexpected tenant policy on %: %', p.tablename, p.qual; end if;
          execute format('drop policy %I on %s', p.policyname, p.rel);
          ${levelPolicies}
        else
          execute format('alter policy %I on %s to ${TENANT_ROLES.join(', ')}', p.policyname, p.rel);
        end if;
      end loop;
    end $$;`);

    this.addSql(`create or replace function gw_bind_unit(p_level text, p_unit int, p_path int[]) returns text
      language plpgsql volatile as $$
      declare
        scope_role text := case when p_level in ('${SCOPE_LEVELS.join("','")}') then 'gridwatch_' || lower(p_level) end;
        keeps_own boolean;
      begin
        perform set_config('gw.unit', coalesce(p_level || ':' || p_unit, ''), true);
        perform set_config('gw.path', coalesce(p_path, '{}')::text, true);
        -- A login that owns the tables or bypasses row-level security (the owner, for the
        -- benchmark's RLS-off variant) keeps its role; an app login takes the level's role.
        select r.rolsuper or r.rolbypassrls or pg_has_role(session_user, c.relowner, 'USAGE') into keeps_own
          from pg_roles r, pg_class c where r.rolname = session_user and c.oid = 'grid'::regclass;
        perform set_config('role', case when scope_role is null or keeps_own then 'none' else scope_role end, true);
        return coalesce(p_level || ':' || p_unit, '');
      end $$;`);
  }
}
