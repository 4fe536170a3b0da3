import { Migration } from '@mikro-orm/migrations';
import { LEVEL_ROLES } from '../../rls-sql';

/**
 * API processes keep the principals of recent sessions in memory (auth/principal-cache.ts). A
 * change to what a principal is made of tells every process at commit (`NOTIFY gw_principal`):
 * a session revoked or an account changed names the account; a change to units, departments or
 * assignments, or an API key, empties the caches. `gw_session_lookup` is `gw_session_principal`
 * plus the seconds the session has left, so that no entry outlives its session (and
 * `gw_api_key_lookup` the same for keys).
 */
export class Migration20261205120000_principal_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function gw_session_lookup(p_token_hash text) returns table(
        account_id int, login text, display_name text, role text, unit_id int, unit_level text, city_id int, county_id int,
        township_id int, department_id int, department_field text, assigned int[], assigned_townships int[], seconds_left double precision)
      language plpgsql stable security definer set search_path = public as $$
      #variable_conflict use_column
      begin
        return query
        select a.id, a.login::text, a.display_name::text, a.role::text, a.unit_id, u.level::text, u.city_id, u.county_id, u.township_id,
               a.department_id, d.field::text, coalesce(att.assigned, '{}'), coalesce(att.assigned_townships, '{}'),
               extract(epoch from s.expires_at - now())::double precision
        from session s
        join account a on a.id = s.account_id and a.active
        join grid u on u.id = a.unit_id
        left join department d on d.id = a.department_id
        left join lateral (
          select array_agg(g.id) as assigned, array_agg(g.id) filter (where g.level = 'TOWNSHIP') as assigned_townships
          from grid g
          where g.id in (select og.grid_id from officer_grid og where og.officer_id = a.officer_id
                         union select wg.grid_id from grid_worker_grid wg where wg.grid_worker_id = a.grid_worker_id)
        ) att on true
        where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now();
      end
      $$;`);
    // It replaces gw_session_principal (the same body, one more column).
    this.addSql(`drop function if exists gw_session_principal(text);`);
    this.addSql(`revoke all on function gw_session_lookup(text) from public;`);
    // The level roles hold exactly the app role's privileges (migration …rls_level_roles).
    this.addSql(`grant execute on function gw_session_lookup(text) to gridwatch_app, ${LEVEL_ROLES.join(', ')};`);

    // The same for API keys: gw_api_key_principal plus the seconds the key has left (null: no expiry).
    this.addSql(`create or replace function gw_api_key_lookup(p_prefix text) returns table(
        id int, name text, secret_hash text, scopes text[], rate_limit_per_minute int, unit_id int, unit_level text,
        city_id int, county_id int, township_id int, seconds_left double precision)
      language sql stable security definer set search_path = public as $$
        select k.id, k.name, k.secret_hash, k.scopes::text[], k.rate_limit_per_minute, k.unit_id, u.level::text,
               u.city_id, u.county_id, u.township_id, extract(epoch from k.expires_at - now())::double precision
        from api_key k join grid u on u.id = k.unit_id
        where k.prefix = p_prefix and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
      $$;`);
    this.addSql(`drop function if exists gw_api_key_principal(text);`);
    this.addSql(`revoke all on function gw_api_key_lookup(text) from public;`);
    this.addSql(`grant execute on function gw_api_key_lookup(text) to gridwatch_app, ${LEVEL_ROLES.join(', ')};`);

    this.addSql(`create or replace function gw_principal_changed() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'session' then
          perform pg_notify('gw_principal', 'account:' || coalesce(new.account_id, old.account_id));
        elsif tg_table_name = 'account' then
          perform pg_notify('gw_principal', 'account:' || coalesce(new.id, old.id));
        else
          perform pg_notify('gw_principal', '*');
        end if;
        return null;
      end
      $$;`);
    this.addSql(`create trigger session_principal_changed after update or delete on "session" for each row execute function gw_principal_changed();`);
    this.addSql(`create trigger account_principal_changed after update or delete on "account" for each row execute function gw_principal_changed();`);
    for (const table of ['officer_grid', 'grid_worker_grid', 'api_key']) {
      this.addSql(`create trigger ${table}_principal_changed after insert or update or delete on "${table}" for each statement execute function gw_principal_changed();`);
    }
    this.addSql(`create trigger grid_principal_changed after update of level, city_id, county_id, township_id, parent_id on "grid" for each statement execute function gw_principal_changed();`);
    this.addSql(`create trigger department_principal_changed after update of field on "department" for each statement execute function gw_principal_changed();`);
  }

  override async down(): Promise<void> {
    for (const [trigger, table] of [
      ['session_principal_changed', 'session'],
      ['account_principal_changed', 'account'],
      ['officer_grid_principal_changed', 'officer_grid'],
      ['grid_worker_grid_principal_changed', 'grid_worker_grid'],
      ['api_key_principal_changed', 'api_key'],
      ['grid_principal_changed', 'grid'],
      ['department_principal_changed', 'department'],
    ]) {
      this.addSql(`drop trigger if exists ${trigger} on "${table}";`);
    }
    this.addSql(`drop function if exists gw_principal_changed();`);
    this.addSql(`drop function if exists gw_session_lookup(text);`);
    this.addSql(`drop function if exists gw_api_key_lookup(text);`);
  }
}
