import type { EntityManager } from '@mikro-orm/postgresql';
import { GridLevel } from '../../common/enums';
import { AssessmentSubjectType } from './assessment.enums';

/**
 * The base measures (基础计量) of the KPI engine, counted in SQL over the case record
 * (case, case_event, case_assignment) for a period [from, to), "as of" its end: only events
 * before `to` count, and the timeline is append-only, so a past period's figures never move.
 *
 * A case is *due* (应结案) in the period when its handling deadline (the one set by the last
 * dispatch, approved extension, resumption or rework before `to`) falls in the period.
 */
export interface MeasureDef {
  name: string;
  /** A condition on the per-case facts `f`. */
  where: string;
  /** What each matching case adds (1 = count the case; a column = count its events). */
  add: string;
}

export const MEASURES = {
  reported: { name: '上报数 (本期上报的案件)', where: 'f.reported', add: '1' },
  valid_reports: { name: '有效上报数 (本期上报且期末未注销)', where: `f.reported and f.state <> 'CANCELLED'`, add: '1' },
  due: { name: '应结案数 (处置时限在本期)', where: 'f.due', add: '1' },
  closed: { name: '结案数 (应结案中期末已结案)', where: 'f.due and f.closed', add: '1' },
  closed_on_time: { name: '按期结案数 (结案不晚于处置时限)', where: 'f.due and f.closed and f.closed_at <= f.handle_due', add: '1' },
  parked: { name: '缓办数 (应结案中期末挂账)', where: `f.due and f.state = 'PARKED'`, add: '1' },
  handled: { name: '处置数 (应结案中已反馈)', where: 'f.due and f.fed_back_at is not null', add: '1' },
  handled_on_time: { name: '按期处置数 (反馈不晚于处置时限)', where: 'f.due and f.fed_back_at <= f.handle_due', add: '1' },
  rework_cases: { name: '返工案件数', where: 'f.due and f.rework_n > 0', add: '1' },
  rework_count: { name: '返工次数', where: 'f.due and f.rework_n > 0', add: 'f.rework_n' },
  extended: { name: '延期案件数', where: 'f.due and f.extension_n > 0', add: '1' },
  verifications: { name: '核实次数 (本期)', where: 'f.verify_n > 0', add: 'f.verify_n' },
  verified_on_time: { name: '按时核实次数', where: 'f.verify_ok_n > 0', add: 'f.verify_ok_n' },
  dispatches: { name: '派遣次数 (本期)', where: 'f.dispatch_n > 0', add: 'f.dispatch_n' },
  dispatches_correct: { name: '准确派遣次数 (未被回退)', where: 'f.dispatch_ok_n > 0', add: 'f.dispatch_ok_n' },
} as const satisfies Record<string, MeasureDef>;

/**
 * Patrol measures come from the patrol plans (`patrol_plan_progress`, the plans module's one
 * definition of progress) of the months inside the period; a patrol beyond the plan adds nothing.
 */
export const PATROL_MEASURES = {
  patrols_required: { name: '应巡查次数 (本期巡查计划)', sum: 'pp.required_count' },
  patrols_done: { name: '已巡查次数 (计划内, 每日至多一次)', sum: 'least(pp.done_count, pp.required_count)' },
} as const;

type CaseMeasureCode = keyof typeof MEASURES;
export type PatrolMeasureCode = keyof typeof PATROL_MEASURES;
export type MeasureCode = CaseMeasureCode | PatrolMeasureCode;
const CASE_MEASURE_CODES = Object.keys(MEASURES) as CaseMeasureCode[];
const PATROL_MEASURE_CODES = Object.keys(PATROL_MEASURES) as PatrolMeasureCode[];
export const MEASURE_CODES: MeasureCode[] = [...CASE_MEASURE_CODES, ...PATROL_MEASURE_CODES];

export function isMeasure(code: string): code is MeasureCode {
  return Object.hasOwn(MEASURES, code) || Object.hasOwn(PATROL_MEASURES, code);
}

export function isPatrolMeasure(code: MeasureCode): code is PatrolMeasureCode {
  return Object.hasOwn(PATROL_MEASURES, code);
}

/** The unit column that bounds a statement: the unit's own level. */
const UNIT_COLUMN: Partial<Record<GridLevel, string>> = {
  [GridLevel.CITY]: 'city_id',
  [GridLevel.COUNTY]: 'county_id',
  [GridLevel.TOWNSHIP]: 'township_id',
};

export function unitColumn(level: GridLevel): string | undefined {
  return UNIT_COLUMN[level];
}

/** Per-case facts as of the period's end; `p` holds the parameters (t0, t1, unit). */
const FACTS = (col: string) => `
p as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::int as unit),
ev as (
  select e.case_id, e.id, e.action, e.to_status, e.at, e.due_at,
         lag(e.due_at) over w as due_before,
         lead(e.action) over w as next_action
  from case_event e join "case" c on c.id = e.case_id, p
  where c.${col} = p.unit and c.reported_at < p.t1 and e.at < p.t1
  window w as (partition by e.case_id order by e.id)
),
pc as (
  select ev.case_id,
    bool_or(ev.action = 'REPORT' and ev.at >= p.t0) as reported,
    (array_agg(ev.to_status order by ev.id desc))[1] as state,
    (array_agg(ev.due_at order by ev.id desc) filter (where ev.action in ('DISPATCH', 'APPROVE_EXTENSION', 'RESUME', 'VERIFY_FAIL')))[1] as handle_due,
    (array_agg(ev.at order by ev.id desc) filter (where ev.action = 'VERIFY_PASS'))[1] as closed_at,
    (array_agg(ev.at order by ev.id desc) filter (where ev.action = 'FEEDBACK'))[1] as fed_back_at,
    count(*) filter (where ev.action = 'VERIFY_FAIL') as rework_n,
    count(*) filter (where ev.action = 'APPROVE_EXTENSION') as extension_n,
    count(*) filter (where ev.action in ('VERIFY_PASS', 'VERIFY_FAIL') and ev.at >= p.t0) as verify_n,
    count(*) filter (where ev.action in ('VERIFY_PASS', 'VERIFY_FAIL') and ev.at >= p.t0 and ev.at <= ev.due_before) as verify_ok_n,
    count(*) filter (where ev.action = 'DISPATCH' and ev.at >= p.t0) as dispatch_n,
    count(*) filter (where ev.action = 'DISPATCH' and ev.at >= p.t0 and ev.next_action is distinct from 'RETURN') as dispatch_ok_n
  from ev, p group by ev.case_id
),
f as (
  select pc.*, c.grid_id, c.township_id, c.county_id,
    coalesce(pc.handle_due >= p.t0 and pc.handle_due < p.t1, false) as due,
    pc.state in ('CLOSED', 'EVALUATED') as closed,
    (select a.department_id from case_assignment a where a.case_id = c.id and a.lead and a.at < p.t1 order by a.at desc, a.id desc limit 1) as lead_department_id
  from pc join "case" c on c.id = pc.case_id, p
)`;

/** The subjects of a type in the unit, with their own scope columns and grids (for the policy). */
const SUBJECTS: Record<AssessmentSubjectType, (col: string) => string> = {
  GRID_WORKER: (col) => `select w.id, w.name, w.city_id, w.county_id, w.township_id, array_agg(gg.grid_id order by gg.grid_id) as grid_ids
    from grid_worker w join grid_worker_grid gg on gg.grid_worker_id = w.id join grid g on g.id = gg.grid_id, p
    where w.active and g.${col} = p.unit group by w.id`,
  OFFICER: (col) => `select o.id, o.name, o.city_id, o.county_id, o.township_id, array_agg(og.grid_id order by og.grid_id) as grid_ids
    from officer o join officer_grid og on og.officer_id = o.id join grid g on g.id = og.grid_id, p
    where o.active and g.${col} = p.unit group by o.id`,
  GRID: (col) => `select g.id, g.name, g.city_id, g.county_id, g.township_id, array[g.id] as grid_ids
    from grid g, p where g.active and g.level in ('TOWNSHIP', 'VILLAGE') and g.${col} = p.unit`,
  TOWNSHIP: (col) => `select g.id, g.name, g.city_id, g.county_id, g.township_id, array[g.id] as grid_ids
    from grid g, p where g.active and g.level = 'TOWNSHIP' and g.${col} = p.unit`,
  COUNTY: (col) => `select g.id, g.name, g.city_id, g.county_id, g.township_id, array[g.id] as grid_ids
    from grid g, p where g.active and g.level = 'COUNTY' and g.${col} = p.unit`,
  DEPARTMENT: (col) => `select d.id, d.name, d.city_id, d.county_id, d.township_id, array[d.unit_id] as grid_ids
    from department d, p where d.active and d.${col} = p.unit`,
};

/** Which subject each case counts for: its grid's workers and officers, its units, its lead department. */
const ATTRIBUTION: Record<AssessmentSubjectType, string> = {
  GRID_WORKER: 'select gg.grid_worker_id as subject_id, f.case_id from f join grid_worker_grid gg on gg.grid_id = f.grid_id',
  OFFICER: 'select distinct og.officer_id as subject_id, f.case_id from f join officer_grid og on og.grid_id in (f.grid_id, f.township_id)',
  GRID: 'select f.grid_id as subject_id, f.case_id from f',
  TOWNSHIP: 'select f.township_id as subject_id, f.case_id from f',
  COUNTY: 'select f.county_id as subject_id, f.case_id from f',
  DEPARTMENT: 'select f.lead_department_id as subject_id, f.case_id from f where f.lead_department_id is not null',
};

export interface MeasureScope {
  from: Date;
  to: Date;
  unitId: number;
  unitLevel: GridLevel;
  subjectType: AssessmentSubjectType;
}

export interface SubjectMeasures {
  id: number;
  name: string;
  cityId: number;
  countyId: number | null;
  townshipId: number | null;
  gridIds: number[];
  measures: Record<MeasureCode, number>;
}

type SubjectRow = { id: number; name: string; city_id: number; county_id: number | null; township_id: number | null; grid_ids: number[] } & Record<MeasureCode, number>;

/** Which subject a patrol plan counts for (officers and departments have no patrol plans). */
const PATROL_SUBJECT: Partial<Record<AssessmentSubjectType, string>> = {
  GRID_WORKER: 'pp.grid_worker_id',
  GRID: 'pp.grid_id',
  TOWNSHIP: 'pp.township_id',
  COUNTY: 'pp.county_id',
};

/** The unit's patrol plans of the months that start inside the period (Beijing dates). */
const PATROL_PLANS = (col: string) => `patrol_plan_progress pp, p
  where pp.${col} = p.unit and pp.month >= (p.t0 at time zone 'Asia/Shanghai')::date and pp.month < (p.t1 at time zone 'Asia/Shanghai')::date`;

function withClauses(scope: MeasureScope): string {
  const col = unitColumn(scope.unitLevel);
  if (!col) throw new Error(`No assessment unit at level ${scope.unitLevel}`);
  const subject = PATROL_SUBJECT[scope.subjectType];
  const sums = PATROL_MEASURE_CODES.map((code) => `sum(${PATROL_MEASURES[code].sum})::int as "${code}"`).join(', ');
  const patrols = subject
    ? `select ${subject} as subject_id, ${sums} from ${PATROL_PLANS(col)} group by 1`
    : `select null::int as subject_id, ${PATROL_MEASURE_CODES.map((code) => `0 as "${code}"`).join(', ')} where false`;
  return `with ${FACTS(col)},
s as (${SUBJECTS[scope.subjectType](col)}),
m as (${ATTRIBUTION[scope.subjectType]}),
pt as (${patrols})`;
}

const params = (scope: MeasureScope): unknown[] => [scope.from, scope.to, scope.unitId];

/**
 * Every base measure of every subject of a type in the unit: one grouped statement. It runs
 * in the request's transaction, so row-level security bounds it to the caller's territory.
 */
export async function measureSubjects(em: EntityManager, scope: MeasureScope): Promise<SubjectMeasures[]> {
  const columns = [
    ...CASE_MEASURE_CODES.map((code) => {
      const m: MeasureDef = MEASURES[code];
      return `coalesce(sum(${m.add}) filter (where ${m.where}), 0)::int as "${code}"`;
    }),
    // One pt row per subject, repeated on each of its case rows: max() takes it once.
    ...PATROL_MEASURE_CODES.map((code) => `coalesce(max(pt."${code}"), 0)::int as "${code}"`),
  ];
  const sql = `${withClauses(scope)}
select s.id, s.name, s.city_id, s.county_id, s.township_id, s.grid_ids, ${columns.join(',\n  ')}
from s left join m on m.subject_id = s.id left join f on f.case_id = m.case_id left join pt on pt.subject_id = s.id
group by s.id, s.name, s.city_id, s.county_id, s.township_id, s.grid_ids
order by s.id`;
  const rows = await em.execute<SubjectRow[]>(sql, params(scope));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    cityId: row.city_id,
    countyId: row.county_id,
    townshipId: row.township_id,
    gridIds: row.grid_ids,
    measures: Object.fromEntries(MEASURE_CODES.map((code) => [code, Number(row[code])])) as Record<MeasureCode, number>,
  }));
}

/** The cases behind one measure of one subject (the drill-down), in id order. */
export async function casesBehind(em: EntityManager, scope: MeasureScope, subjectId: number, measure: CaseMeasureCode): Promise<number[]> {
  const m: MeasureDef = MEASURES[measure];
  const sql = `${withClauses(scope)}
select distinct f.case_id from m join f on f.case_id = m.case_id
where m.subject_id = ? and (${m.where}) and (${m.add}) > 0
order by f.case_id`;
  const rows = await em.execute<{ case_id: number }[]>(sql, [...params(scope), subjectId]);
  return rows.map((row) => row.case_id);
}

/** The patrol plans behind a patrol measure of one subject (the drill-down), in id order. */
export async function patrolPlansBehind(em: EntityManager, scope: MeasureScope, subjectId: number): Promise<number[]> {
  const subject = PATROL_SUBJECT[scope.subjectType];
  if (!subject) return [];
  const sql = `with p as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::int as unit)
select pp.patrol_plan_id from ${PATROL_PLANS(unitColumn(scope.unitLevel) ?? 'city_id')} and ${subject} = ? order by pp.patrol_plan_id`;
  const rows = await em.execute<{ patrol_plan_id: number }[]>(sql, [...params(scope), subjectId]);
  return rows.map((row) => row.patrol_plan_id);
}
