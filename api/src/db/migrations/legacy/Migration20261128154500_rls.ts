import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

/** Tenant tables, with the column that ties a row to a village-level unit. */
const scoped: [table: string, anchor: string][] = [
  ['grid', 'id'],
  ['department', 'unit_id'],
  ['officer', 'employer_unit_id'],
  ['grid_worker', 'employer_unit_id'],
  ['account', 'unit_id'],
  ['pollution_source', 'grid_id'],
  ['"case"', 'grid_id'],
  ['case_event', 'grid_id'],
];

/** Rows without scope columns of their own follow the row they belong to. */
const dependent: [table: string, condition: string][] = [
  ['pollution_source_change', 'exists (select 1 from pollution_source s where s.id = source_id)'],
  ['officer_grid', 'exists (select 1 from officer o where o.id = officer_id)'],
  ['grid_worker_grid', 'exists (select 1 from grid_worker w where w.id = grid_worker_id)'],
  ['department_category', 'exists (select 1 from department d where d.id = department_id)'],
];

/**
 * Defence in depth (属地管理 in the database itself): the API connects as `gridwatch_app`,
 * which owns nothing and cannot bypass row-level security. Each request sets its unit
 * transaction-locally (`gw.unit` = 'COUNTY:7'); without it no tenant row is visible. The
 * owner (who runs migrations and seeds) keeps full access through its own policy.
 */
export class Migration20261128154500_rls extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      if not exists (select from pg_roles where rolname = 'gridwatch_app') then
        create role gridwatch_app nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
      end if;
    end $$;`);
    this.addSql(`grant usage on schema public to gridwatch_app;`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to gridwatch_app;`);
    this.addSql(`grant usage, select on all sequences in schema public to gridwatch_app;`);
    this.addSql(`revoke all on mikro_orm_migrations from gridwatch_app;`);
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to gridwatch_app;`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to gridwatch_app;`);

    // "This unit and everything below it" from the transaction-local setting.
    this.addSql(`create or replace function gw_visible(city int, county int, township int, anchor int) returns boolean
      language sql stable as $$
        select case split_part(current_setting('gw.unit', true), ':', 1)
          when 'CITY' then city = split_part(current_setting('gw.unit', true), ':', 2)::int
          when 'COUNTY' then county = split_part(current_setting('gw.unit', true), ':', 2)::int
          when 'TOWNSHIP' then township = split_part(current_setting('gw.unit', true), ':', 2)::int
          when 'VILLAGE' then anchor = split_part(current_setting('gw.unit', true), ':', 2)::int
          else false
        end
      $$;`);

    // Sign-in and session lookup happen before any unit is known: these two functions run as
    // the owner and return only what authentication needs.
    this.addSql(`create or replace function gw_login_account(p_login text) returns table(id int, password_hash text)
      language sql stable security definer set search_path = public as $$
        select id, password_hash from account where login = p_login and active
      $$;`);
    this.addSql(`create or replace function gw_session_principal(p_token_hash text) returns table(
        account_id int, login text, display_name text, role text, unit_id int, unit_level text, city_id int, county_id int,
        township_id int, department_id int, department_field text, assigned int[], assigned_townships int[])
      language sql stable security definer set search_path = public as $$
        select a.id, a.login, a.display_name, a.role::text, a.unit_id, u.level::text, u.city_id, u.county_id, u.township_id,
               a.department_id, d.field::text, coalesce(att.assigned, '{}'), coalesce(att.assigned_townships, '{}')
        from session s
        join account a on a.id = s.account_id and a.active
        join grid u on u.id = a.unit_id
        left join department d on d.id = a.department_id
        left join lateral (
          select array_agg(g.id) as assigned, array_agg(g.id) filter (where g.level = 'TOWNSHIP') as assigned_townships
          from grid g
          where g.id in (select grid_id from officer_grid where officer_id = a.officer_id
                         union select grid_id from grid_worker_grid where grid_worker_id = a.grid_worker_id)
        ) att on true
        where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now()
      $$;`);
    for (const fn of ['gw_login_account(text)', 'gw_session_principal(text)']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to gridwatch_app;`);
    }
    // Counters of rate-limiter-flexible (failed sign-ins, API key calls), shared by replicas.
    this.addSql(`create table if not exists rate_limit (key varchar(255) primary key, points integer not null default 0, expire bigint);`);
    this.addSql(`grant select, insert, update, delete on rate_limit to gridwatch_app;`);

    for (const [table, anchor] of scoped) rowLevelSecuritySql(table, tenantCondition(anchor)).forEach((sql) => this.addSql(sql));
    for (const [table, condition] of dependent) rowLevelSecuritySql(table, condition).forEach((sql) => this.addSql(sql));
  }
}
