import { Migration } from '@mikro-orm/migrations';
import { TENANT_ROLES } from '../../rls-sql';

const PUBLISHED = `
  from disclosure_setting s
  -- Enum values compared as text: a fresh database adds them in the same migration transaction.
  join "case" c on c.category_id = any(s.category_ids) and c.status::text = 'CLOSED'
    and c.reported_at >= (s.published_from || 'T00:00:00+08:00')::timestamptz
  join case_category cat on cat.id = c.category_id
  left join grid county on county.id = c.county_id
  left join grid township on township.id = c.township_id
  left join grid hu on hu.id = c.handling_unit_id
  cross join lateral (
    -- 按期: closed no later than the handling deadline (as the assessment's closed_on_time).
    select c.closed_at <= (array_agg(ev.due_at order by ev.id desc)
      filter (where ev.action::text in ('DISPATCH', 'APPROVE_EXTENSION', 'RESUME', 'VERIFY_FAIL')))[1] as on_time
    from case_event ev where ev.case_id = c.id
  ) t
  where s.id = 1 and s.published_from is not null`;

/**
 * Public disclosure (公开, issue 18). The city's setting (`disclosure_setting`, one row, city-wide
 * configuration like time_limit) says which categories, which optional fields and from which
 * day closed cases are published; without it nothing is.
 *
 * The anonymous path: a request without a caller binds no unit, so row-level security shows
 * it no tenant row at all, and that stays so. It reads through exactly two SECURITY DEFINER
 * functions owned by the owner, which return only the redacted columns of published rows:
 * never a complainant's name or phone, never the address or coordinates (the location is
 * coarsened to the county and the township/street grid), the description and the case number
 * and handling unit only when the city published those fields. A view would run with its
 * owner's rights too but cannot take the paging arguments; a dedicated role would need a
 * policy on every table it touches. Functions keep the whole exposure in one reviewed place.
 */
export class Migration20261206050100_public_disclosure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "disclosure_setting" ("id" int primary key check ("id" = 1), "category_ids" int[] not null default '{}',
      "fields" text[] not null default '{}', "published_from" varchar(10) null, "updated_at" timestamptz not null default now(),
      "updated_by_id" int null references account (id) on delete set null);`);

    this.addSql(`create or replace function gw_public_cases(p_after bigint, p_limit int)
      returns table (id bigint, number text, category_code text, category_name text, county_code text, county_name text,
                     township_name text, reported_on text, closed_on text, on_time boolean, description text, handling_unit text)
      language sql stable security definer set search_path = public, pg_temp as $$
        select c.id, case when 'NUMBER' = any(s.fields) then c.number end, cat.code, cat.name, county.code, county.name, township.name,
          to_char(c.reported_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD'),
          to_char(c.closed_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD'),
          t.on_time,
          case when 'DESCRIPTION' = any(s.fields) then c.description end,
          case when 'HANDLING_UNIT' = any(s.fields) then hu.name end
        ${PUBLISHED} and (p_after is null or c.id < p_after)
        order by c.id desc limit least(greatest(p_limit, 0), 101)
      $$;`);

    this.addSql(`create or replace function gw_public_on_time_rates()
      returns table (county_code text, county_name text, closed int, with_deadline int, on_time int)
      language sql stable security definer set search_path = public, pg_temp as $$
        select county.code, county.name, count(*)::int, count(t.on_time)::int, count(*) filter (where t.on_time)::int
        ${PUBLISHED}
        group by county.code, county.name order by county.code
      $$;`);
    for (const fn of ['gw_public_cases(bigint, int)', 'gw_public_on_time_rates()']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to ${TENANT_ROLES.join(', ')};`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_public_on_time_rates();`);
    this.addSql(`drop function if exists gw_public_cases(bigint, int);`);
    this.addSql(`drop table if exists disclosure_setting;`);
  }
}
