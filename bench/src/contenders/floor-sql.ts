/**
 * The floor's hand-written SQL: one statement per request, JSON built by Postgres, the same
 * tenant predicate the API applies (`<level column> = unit`). `$1` is always the unit id.
 * Orderings copy the API's (case.service.ts, nested-connection.ts) so answers compare equal.
 */
export const scopeColumns = { CITY: 'city_id', COUNTY: 'county_id', TOWNSHIP: 'township_id' } as const;
export type ScopeLevel = keyof typeof scopeColumns;

const caseJson = `json_build_object('id', c.id, 'number', c.number, 'status', c.status, 'reportedAt', c.reported_at, 'dueAt', c.due_at, 'description', c.description)`;

const listJson = (from: string): string => `select coalesce(json_agg(${caseJson}), '[]') from (${from}) c`;

export function floorSql(col: string): Record<string, string> {
  return {
    // Q1: a case by id, within the territory.
    case: `select ${caseJson} from "case" c where c.id = $2 and c.${col} = $1`,
    // Q2: keyset on (due_at nulls last, id) after the cursor ($3 due or null, $4 id or null).
    keyset: listJson(`select * from "case" where ${col} = $1 and status = any($2::case_status[])
      and ($4::int is null
        or ($3::timestamptz is null and due_at is null and id > $4)
        or ($3::timestamptz is not null and (due_at > $3 or (due_at = $3 and id > $4) or due_at is null)))
      order by due_at asc nulls last, id asc limit 50`),
    // Q3: the same page by offset.
    offset: listJson(`select * from "case" where ${col} = $1 and status = any($2::case_status[])
      order by due_at asc nulls last, id asc limit 50 offset $3`),
    // Q4: grids(first 20) → sources(first 10) → cases(first 5), one statement.
    nested: `select coalesce(json_agg(json_build_object('code', g.code, 'sources', s.list) order by g.code), '[]')
      from (select id, code from grid where ${col} = $1 order by code limit 20) g
      cross join lateral (
        select coalesce(json_agg(json_build_object('name', s.name, 'cases', k.list) order by s.id), '[]') as list
        from (select id, name from pollution_source where grid_id = g.id and ${col} = $1 order by id limit 10) s
        cross join lateral (
          select coalesce(json_agg(json_build_object('number', c.number) order by c.id desc), '[]') as list
          from (select id, number from "case" where source_id = s.id and ${col} = $1 order by id desc limit 5) c
        ) k
      ) s`,
    // Q4b: grids(first 20) → sources(first 10).
    nested2: `select coalesce(json_agg(json_build_object('code', g.code, 'sources', s.list) order by g.code), '[]')
      from (select id, code from grid where ${col} = $1 order by code limit 20) g
      cross join lateral (
        select coalesce(json_agg(json_build_object('name', s.name) order by s.id), '[]') as list
        from (select id, name from pollution_source where grid_id = g.id and ${col} = $1 order by id limit 10) s
      ) s`,
    // Q5: dashboard counts per township × status (the API has no aggregate query yet).
    dashboard: `select coalesce(json_agg(json_build_object('townshipId', township_id, 'status', status, 'count', n)), '[]')
      from (select township_id, status, count(*) as n from "case" where ${col} = $1 group by 1, 2 order by 1, 2) t`,
    // Q7: the newest 50 (REPORTED_DESC).
    recent: listJson(`select * from "case" where ${col} = $1 order by reported_at desc, id desc limit 50`),
  };
}
