/**
 * The 通报 notice's statement: the case deadlines missed in a period (a 督办 raised on a
 * deadline that fell in it), bounded by one scope column of a unit the service read through
 * the scoped ORM, in the request's transaction under row-level security.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export type NoticeColumn = 'city_id' | 'county_id' | 'township_id' | 'handling_unit_id';

export interface LateCaseRow {
  alert_id: number;
  case_id: number;
  case_number: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  step: string | null;
  due_at: Date;
  days_late: number;
  lead_department: string | null;
  still_open: boolean;
}

/**
 * Days late: from the deadline to the case's first change of step after it (the step was
 * done, or the case moved on), or to `now` while it still waits; whole days, rounded up.
 */
const LATE_CASES = (column: NoticeColumn) => `
select a.id as alert_id, c.id as case_id, c.number as case_number, a.handling_unit_id as unit_id, g.code as unit_code, g.name as unit_name,
  a.case_status as step, a.due_at, d.name as lead_department, done.at is null as still_open,
  ceil(extract(epoch from (coalesce(done.at, ?::timestamptz) - a.due_at)) / 86400)::int as days_late
from case_alert a
join "case" c on c.id = a.case_id
left join grid g on g.id = a.handling_unit_id
left join department d on d.id = a.lead_department_id
left join lateral (
  select min(e.at) as at from case_event e where e.case_id = a.case_id and e.at > a.due_at and e.to_status is distinct from a.case_status
) done on true
where a.subject_kind = 'CASE' and a.kind = 'SUPERVISE' and a.${column} = ? and a.due_at >= ? and a.due_at < ?
order by g.code nulls last, a.due_at, c.number`;

export async function lateCases(em: EntityManager, column: NoticeColumn, unitId: number, from: Date, to: Date, now: Date): Promise<LateCaseRow[]> {
  const rows = await em.execute<LateCaseRow[]>(LATE_CASES(column), [now, unitId, from, to]);
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
}
