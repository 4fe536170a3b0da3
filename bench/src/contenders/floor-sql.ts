/**
 * The floor's hand-written SQL: one statement per request, JSON built by Postgres, the same
 * tenant predicate the API applies (`<level column> = unit`). `$1` is always the unit id.
 * Orderings copy the API's (case.service.ts, nested-connection.ts) so answers compare equal.
 */
export const scopeColumns = { CITY: 'city_id', COUNTY: 'county_id', TOWNSHIP: 'township_id' } as const;
export type ScopeLevel = keyof typeof scopeColumns;
/** The column naming the unit one level below (the dashboard groups by it). */
const childColumns: Record<string, string> = { city_id: 'county_id', county_id: 'township_id', township_id: 'grid_id' };

const caseJson = `json_build_object('id', c.id, 'number', c.number, 'status', c.status, 'reportedAt', c.reported_at, 'dueAt', c.due_at, 'description', c.description)`;

const listJson = (from: string): string => `select coalesce(json_agg(${caseJson}), '[]') from (${from}) c`;

export function floorSql(col: string): Record<string, string> {
  return {
    // Q1: a case by id, within the territory.
    case: `select ${caseJson} from "case" c where c.id = $2 and c.${col} = $1`,
    // Q2: keyset on (due_at, id) after the cursor ($3, $4; page 1 starts at -infinity), the
    // cases with a deadline only, as the API's DUE_ASC; one status, so the index gives the order.
    keyset: listJson(`select * from "case" where ${col} = $1 and status = $2::case_status and due_at is not null
      and (due_at, id) > ($3::timestamptz, $4::int) order by due_at asc, id asc limit 50`),
    // Q3: the same page by offset.
    offset: listJson(`select * from "case" where ${col} = $1 and status = $2::case_status and due_at is not null
      order by due_at asc, id asc limit 50 offset $3`),
    // Q4: grids(first 20) → sources(first 10) → cases(first 5), one statement. The territory
    // bounds the top level; children are reached through a visible parent (repeating the
    // predicate below made Postgres intersect each grid's sources with the whole county).
    nested: `select coalesce(json_agg(json_build_object('code', g.code, 'sources', s.list) order by g.code), '[]')
      from (select id, code from grid where ${col} = $1 order by code limit 20) g
      cross join lateral (
        select coalesce(json_agg(json_build_object('name', s.name, 'cases', k.list) order by s.id), '[]') as list
        from (select id, name from pollution_source where grid_id = g.id order by id limit 10) s
        cross join lateral (
          select coalesce(json_agg(json_build_object('number', c.number) order by c.id desc), '[]') as list
          from (select id, number from "case" where source_id = s.id order by id desc limit 5) c
        ) k
      ) s`,
    // Q5: counts per child unit × status (the API's caseStatistics(groupBy: [UNIT, STATUS])):
    // a case on the unit's own grid counts under that grid.
    dashboard: `select coalesce(json_agg(json_build_object('code', g.code, 'status', t.status, 'count', t.n) order by g.code, t.status), '[]')
      from (select coalesce(${childColumns[col]}, grid_id) as unit_id, status, count(*) as n from "case" where ${col} = $1 and reported_at < now() group by 1, 2) t
      join grid g on g.id = t.unit_id`,
    // Q6 (a data-modifying WITH must be the top level, so it names its own json column):
    // fileCase as one statement: the version-checked update and its event (the event's
    // trigger extends the county's hash chain). $2 case id, $3 version seen, $4 actor, $5 actor unit.
    file: `with c as (
        update "case" set status = 'FILED', version = version + 1, updated_at = now()
        where id = $2 and version = $3 and status = 'REPORTED' and ${col} = $1
        returning id, city_id, county_id, township_id, grid_id, status, version
      ), e as (
        insert into case_event (city_id, county_id, township_id, case_id, grid_id, action, from_status, to_status, actor_id, actor_role, actor_unit_id, at)
        select city_id, county_id, township_id, id, grid_id, 'FILE', 'REPORTED', 'FILED', $4, 'PLATFORM_OPERATOR', $5, now() from c
        returning case_id
      )
      select json_build_object('id', c.id, 'status', c.status, 'version', c.version)::text as json from c join e on e.case_id = c.id`,
    // Q7: the newest 50 (REPORTED_DESC).
    recent: listJson(`select * from "case" where ${col} = $1 order by reported_at desc, id desc limit 50`),
  };
}
