import { streetCodeSql } from '../grid/grid-code';
/**
 * The KPI engine's statements: every base measure of the subjects of a unit, the records behind
 * one measure (the drill-down) and whether a subject's row is readable. Each is bounded by the
 * unit column `p.unit` (a unit the service read through the scoped ORM) and runs in the
 * request's transaction under row-level security; which subject rows the caller may read is the
 * scope compiler's condition (assessment-row-scope.ts), spliced in as `readable`.
 */

import type { EntityManager } from '@mikro-orm/postgresql';
import { GridLevel } from '../../common/enums';
import type { SqlFragment } from '../../data/scoped-sql';
import { AssessmentSubjectType } from './assessment.enums';
import { FAMILIES, streetOf, type BehindKind, type MeasureFamily } from './assessment-families.sql';

/**
 * The base measures (基础计量) of the KPI engine, counted in SQL over the case record
 * (case, case_event, case_assignment) for a period [from, to), "as of" its end: only events
 * before `to` count, and the timeline is append-only, so a past period's figures never move.
 *
 * A case is *due* (应结案) in the period when its handling deadline (the one set by the last
 * dispatch, approved extension, resumption or rework before `to`) falls in the period.
 *
 * Grids, townships, streets and counties read all of them from the KPI rollup (ROLLUP_ROWS);
 * grid workers, officers, departments and the drill-down count them live (why: see there).
 */
export interface MeasureDef {
  name: string;
  /** A condition on the per-case facts `f`. */
  where: string;
  /** What each matching case adds (1 = count the case; a column = count its events). */
  add: string;
  /**
   * Whom a person's figure counts for: the reporter's or the verifier's account, else (case) the
   * people of the case's grid, as handling is done by departments, not by a person. Units and
   * departments count every measure by the case.
   */
  by?: 'reporter' | 'verifier';
}

export const MEASURES = {
  reported: { name: '上报数 (本期上报的案件; 人员: 本人账号上报)', where: 'f.reported', add: '1', by: 'reporter' },
  valid_reports: { name: '有效上报数 (本期上报且期末未注销; 人员: 本人账号上报)', where: `f.reported and f.state <> 'CANCELLED'`, add: '1', by: 'reporter' },
  due: { name: '应结案数 (处置时限在本期)', where: 'f.due', add: '1' },
  closed: { name: '结案数 (应结案中期末已结案)', where: 'f.due and f.closed', add: '1' },
  closed_on_time: { name: '按期结案数 (结案不晚于处置时限)', where: 'f.due and f.closed and f.closed_at <= f.handle_due', add: '1' },
  parked: { name: '缓办数 (应结案中期末挂账)', where: `f.due and f.state = 'PARKED'`, add: '1' },
  handled: { name: '处置数 (应结案中已反馈)', where: 'f.due and f.fed_back_at is not null', add: '1' },
  handled_on_time: { name: '按期处置数 (反馈不晚于处置时限)', where: 'f.due and f.fed_back_at <= f.handle_due', add: '1' },
  rework_cases: { name: '返工案件数', where: 'f.due and f.rework_n > 0', add: '1' },
  rework_count: { name: '返工次数', where: 'f.due and f.rework_n > 0', add: 'f.rework_n' },
  extended: { name: '延期案件数', where: 'f.due and f.extension_n > 0', add: '1' },
  verifications: { name: '核实次数 (本期; 人员: 本人账号核实)', where: 'f.verify_n > 0', add: 'f.verify_n', by: 'verifier' },
  verified_on_time: { name: '按时核实次数 (人员: 本人账号核实)', where: 'f.verify_ok_n > 0', add: 'f.verify_ok_n', by: 'verifier' },
  dispatches: { name: '派遣次数 (本期)', where: 'f.dispatch_n > 0', add: 'f.dispatch_n' },
  dispatches_correct: { name: '准确派遣次数 (未被回退)', where: 'f.dispatch_ok_n > 0', add: 'f.dispatch_ok_n' },
} as const satisfies Record<string, MeasureDef>;

/** Measures of the other families (patrols, coverage, key sources, activity), by code. */
const FAMILY_OF = new Map<string, MeasureFamily>(FAMILIES.flatMap((family) => Object.keys(family.measures).map((code) => [code, family] as const)));

export type CaseMeasureCode = keyof typeof MEASURES;
export type MeasureCode = string;
const CASE_MEASURE_CODES = Object.keys(MEASURES) as CaseMeasureCode[];
export const MEASURE_CODES: MeasureCode[] = [...CASE_MEASURE_CODES, ...FAMILY_OF.keys()];

export function isMeasure(code: string): code is MeasureCode {
  return Object.hasOwn(MEASURES, code) || FAMILY_OF.has(code);
}

export function isCaseMeasure(code: string): code is CaseMeasureCode {
  return Object.hasOwn(MEASURES, code);
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

/** The parameters (t0, t1, unit; subject in a drill-down). */
const PARAMS = `p as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::int as unit, ?::bigint as subject)`;

/** Per-case facts as of the period's end. */
const FACTS = (col: string) => `
${PARAMS},
-- Only a case acting in the period (an event in it) or given a deadline in or after it can
-- count: any other case is all zeros (reported, verified, dispatched before; due before).
-- Events carry their case's scope columns (a case never changes grid): no read of "case".
cand as (
  select e.case_id from case_event e, p where e.${col} = p.unit and e.at >= p.t0 and e.at < p.t1
  union
  select e.case_id from case_event e, p where e.${col} = p.unit and e.due_at >= p.t0 and e.at < p.t1
),
-- Each candidate's timeline by its (case_id, id) index, not a hash over every event.
ev as (
  select x.* from cand, p, lateral (
    select e.case_id, e.id, e.action, e.to_status, e.at, e.due_at, e.actor_id, e.grid_id, e.township_id, e.county_id,
           lag(e.due_at) over w as due_before,
           lead(e.action) over w as next_action
    from case_event e where e.case_id = cand.case_id and e.at < p.t1
    window w as (order by e.id)) x
),
pc as (
  select ev.case_id, min(ev.grid_id) as grid_id, min(ev.township_id) as township_id, min(ev.county_id) as county_id,
    -- The REPORT event's actor is the case's reporter (reported_by_id).
    min(ev.actor_id) filter (where ev.action = 'REPORT') as reported_by_id,
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
  select pc.*,
    coalesce(pc.handle_due >= p.t0 and pc.handle_due < p.t1, false) as due,
    pc.state in ('CLOSED', 'EVALUATED') as closed,
    (select a.department_id from case_assignment a where a.case_id = pc.case_id and a.lead and a.at < p.t1 order by a.at desc, a.id desc limit 1) as lead_department_id
  from pc, p
)`;

/**
 * The subjects of a type in the unit, with their own scope columns and grids (for the policy)
 * and `code`, the tie-break of equal ranks: a unit's code; a person's first grid's; a
 * department's unit's. A street's id is its code (there is no street record).
 */
const SUBJECTS: Record<AssessmentSubjectType, (col: string) => string> = {
  GRID_WORKER: (col) => `select w.id, w.name, min(g.code) as code, w.city_id, w.county_id, w.township_id, array_agg(gg.grid_id order by gg.grid_id) as grid_ids
    from grid_worker w join grid_worker_grid gg on gg.grid_worker_id = w.id join grid g on g.id = gg.grid_id, p
    where w.active and g.${col} = p.unit group by w.id`,
  OFFICER: (col) => `select o.id, o.name, min(g.code) as code, o.city_id, o.county_id, o.township_id, array_agg(og.grid_id order by og.grid_id) as grid_ids
    from officer o join officer_grid og on og.officer_id = o.id join grid g on g.id = og.grid_id, p
    where o.active and g.${col} = p.unit group by o.id`,
  GRID: (col) => `select g.id, g.name, g.code, g.city_id, g.county_id, g.township_id, array[g.id] as grid_ids
    from grid g, p where g.active and g.level in ('TOWNSHIP', 'VILLAGE') and g.${col} = p.unit`,
  TOWNSHIP: (col) => `select g.id, g.name, g.code, g.city_id, g.county_id, g.township_id, array[g.id] as grid_ids
    from grid g, p where g.active and g.level = 'TOWNSHIP' and g.${col} = p.unit`,
  // Named after its grids (明光路街道第1网格 → 明光路街道), as the division table names the street.
  STREET: (col) => `select ${streetCodeSql('g.code')}::bigint as id, regexp_replace(min(g.name), '第[0-9]+网格$', '') as name, ${streetCodeSql('g.code')} as code,
      min(g.city_id) as city_id, min(g.county_id) as county_id, null::int as township_id, array_agg(g.id order by g.id) as grid_ids
    from grid g, p where g.active and g.kind = 'URBAN_MANAGEMENT' and g.${col} = p.unit group by ${streetCodeSql('g.code')}`,
  COUNTY: (col) => `select g.id, g.name, g.code, g.city_id, g.county_id, g.township_id, array[g.id] as grid_ids
    from grid g, p where g.active and g.level = 'COUNTY' and g.${col} = p.unit`,
  DEPARTMENT: (col) => `select d.id, d.name, (select u.code from grid u where u.id = d.unit_id) as code, d.city_id, d.county_id, d.township_id, array[d.unit_id] as grid_ids
    from department d, p where d.active and d.${col} = p.unit`,
};

/**
 * Which subject each case counts for (rows: subject_id and the case's facts f.*): its grid's
 * workers and officers, its units, its lead department.
 */
const ATTRIBUTION: Record<AssessmentSubjectType, string> = {
  GRID_WORKER: 'select gg.grid_worker_id as subject_id, f.* from f join grid_worker_grid gg on gg.grid_id = f.grid_id',
  OFFICER: 'select o.officer_id as subject_id, f.* from f, lateral (select distinct og.officer_id from officer_grid og where og.grid_id in (f.grid_id, f.township_id)) o',
  GRID: 'select f.grid_id as subject_id, f.* from f',
  TOWNSHIP: 'select f.township_id as subject_id, f.* from f',
  STREET: `select ${streetOf('f.grid_id')} as subject_id, f.* from f`,
  COUNTY: 'select f.county_id as subject_id, f.* from f',
  DEPARTMENT: 'select f.lead_department_id as subject_id, f.* from f where f.lead_department_id is not null',
};

/** The account column naming the person assessed, for the people's tables. */
const PERSON_COLUMN: Partial<Record<AssessmentSubjectType, string>> = { GRID_WORKER: 'grid_worker_id', OFFICER: 'officer_id' };

/** Rows per attribution: `mc` by the case, `mr` by the reporter's account, `mv` by the verifier's (per person, the verify counts of its own events). */
function attributionClauses(type: AssessmentSubjectType): string {
  const person = PERSON_COLUMN[type];
  if (!person) return `mc as (${ATTRIBUTION[type]}), mr as (select * from mc), mv as (select * from mc)`;
  return `mc as (${ATTRIBUTION[type]}),
mr as (select a.${person} as subject_id, f.* from f join account a on a.id = f.reported_by_id where a.${person} is not null),
mv as (select a.${person} as subject_id, ev.case_id, count(*) as verify_n, count(*) filter (where ev.at <= ev.due_before) as verify_ok_n
  from ev join account a on a.id = ev.actor_id, p
  where ev.action in ('VERIFY_PASS', 'VERIFY_FAIL') and ev.at >= p.t0 and a.${person} is not null group by 1, 2)`;
}

/**
 * The case measures of units (grid, township, street, county) come from the KPI rollup
 * (case_kpi_rollup, Migration20261210030000_case_kpi_rollup): the same facts as FACTS, kept per
 * unit of each case's path by a trigger on case_event, so a table costs O(subjects × months),
 * not O(cases). A period's rows: facts as of its end (from_month <= last month < until_month),
 * figures belonging to it (in_month within it). A township's or county's figure is its subtree
 * (every row of the unit); a grid's is its own cases (`own`), a street's those of its grids.
 *
 * Live, over the timeline (FACTS), stay:
 * - grid workers and officers: reports and verifications count for the reporter's or the
 *   verifier's account, and the rest for the people of the case's grid (or township) by today's
 *   staffing; the rollup is per unit, not per account or person;
 * - departments: the lead department as of the period's end comes from case_assignment, which
 *   is not on the unit path;
 * - the drill-down (recordsBehind): it lists the cases, which counts cannot;
 * - the other families (patrols, coverage, key sources, activity, training): not case counts.
 */
const ROLLUP_ROWS: Partial<Record<AssessmentSubjectType, (col: string) => string>> = {
  GRID: () => 'select r.unit_id as subject_id, r.* from case_kpi_rollup r where r.own and r.unit_id in (select s.id from s)',
  TOWNSHIP: () => 'select r.unit_id as subject_id, r.* from case_kpi_rollup r where r.unit_id in (select s.id from s)',
  COUNTY: () => 'select r.unit_id as subject_id, r.* from case_kpi_rollup r where r.unit_id in (select s.id from s)',
  STREET: (col) => `select ${streetCodeSql('g.code')}::bigint as subject_id, r.* from case_kpi_rollup r join grid g on g.id = r.unit_id, p
    where r.own and g.kind = 'URBAN_MANAGEMENT' and g.${col} = p.unit`,
};

/** The rollup holds whole Beijing months: a period that is not made of them is measured live. */
function monthStart(at: Date): boolean {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  return beijing.getUTCDate() === 1 && beijing.getUTCHours() === 0 && beijing.getUTCMinutes() === 0 && beijing.getUTCSeconds() === 0 && beijing.getUTCMilliseconds() === 0;
}

export type MeasureSource = 'rollup' | 'live';

/** Whether the case measures of this scope are read from the KPI rollup. */
export function rollupAnswers(scope: MeasureScope): boolean {
  return Boolean(ROLLUP_ROWS[scope.subjectType]) && monthStart(scope.from) && monthStart(scope.to) && scope.from < scope.to;
}

function rollupSums(type: AssessmentSubjectType, col: string): string {
  const sums = CASE_MEASURE_CODES.map((code) => `sum(x.${code})::int as "${code}"`).join(', ');
  return `select x.subject_id, ${sums} from (${ROLLUP_ROWS[type]!(col)}) x, p
    where x.from_month < gw_beijing_month(p.t1) and x.until_month >= gw_beijing_month(p.t1)
      and x.in_month >= gw_beijing_month(p.t0) and x.in_month < gw_beijing_month(p.t1)
    group by x.subject_id`;
}

const ATTRIBUTED = { case: 'mc', reporter: 'mr', verifier: 'mv' } as const;
const attributedBy = (m: MeasureDef): string => ATTRIBUTED[m.by ?? 'case'];

export interface MeasureScope {
  from: Date;
  to: Date;
  unitId: number;
  unitLevel: GridLevel;
  subjectType: AssessmentSubjectType;
}

/** A subject's scope columns, as the row rules read them (kept in a publication's snapshot). */
export interface SubjectScope {
  cityId: number;
  countyId: number | null;
  townshipId: number | null;
  gridIds: number[];
}

export interface SubjectMeasures {
  id: number;
  name: string;
  /** The tie-break of equal ranks. */
  code: string;
  scope: SubjectScope;
  /** Whether the caller may read this subject's row (the CASL rules, evaluated in SQL). */
  readable: boolean;
  measures: Record<MeasureCode, number>;
}

type SubjectRow = { id: number | string; name: string; code: string; readable: boolean; city_id: number; county_id: number | null; township_id: number | null; grid_ids: number[] } & Record<MeasureCode, number>;

function columnOf(scope: MeasureScope): string {
  const col = unitColumn(scope.unitLevel);
  if (!col) throw new Error(`No assessment unit at level ${scope.unitLevel}`);
  return col;
}

/** The facts, the subjects and which cases count for whom. */
function withClauses(scope: MeasureScope, col: string): string {
  return `with ${FACTS(col)},
s as (${SUBJECTS[scope.subjectType](col)}),
${attributionClauses(scope.subjectType)}`;
}

const params = (scope: MeasureScope, subjectId: number | null = null): unknown[] => [scope.from, scope.to, scope.unitId, subjectId];

/**
 * Every base measure of every subject of a type in the unit: one statement, the case
 * measures grouped per subject, each other family's figures joined on the subject.
 * `readable` is the caller's row condition over the subject columns (city_id, county_id,
 * township_id, grid_ids, subject_type) with its bindings. It runs in the request's
 * transaction, so row-level security bounds it to the caller's territory as well.
 */
export async function measureSubjects(em: EntityManager, scope: MeasureScope, readable: SqlFragment, source: MeasureSource = 'rollup'): Promise<SubjectMeasures[]> {
  const col = columnOf(scope);
  const fromRollup = source === 'rollup' && rollupAnswers(scope);
  // The case measures: summed from the KPI rollup, or one grouped CTE per attribution, each
  // summing the measures attributed that way.
  const caseCtes = fromRollup
    ? [`,\nkr_sum as (${rollupSums(scope.subjectType, col)})`]
    : Object.values(ATTRIBUTED).map((m) => {
        const sums = CASE_MEASURE_CODES.filter((code) => attributedBy(MEASURES[code]) === m).map((code) => {
          const d: MeasureDef = MEASURES[code];
          return `coalesce(sum(${d.add}) filter (where ${d.where}), 0)::int as "${code}"`;
        });
        return `,\n${m}_sum as (select f.subject_id, ${sums.join(', ')} from ${m} f group by f.subject_id)`;
      });
  const sumOf = (code: CaseMeasureCode) => (fromRollup ? 'kr' : attributedBy(MEASURES[code]));
  const families = FAMILIES.map((family, index) => ({ family, index, sql: family.perSubject(scope.subjectType, col) }));
  const ctes = families.filter((x) => x.sql).map((x) => `,\nx${x.index} as (${x.sql})`);
  const columns = [
    ...CASE_MEASURE_CODES.map((code) => `coalesce(${sumOf(code)}_sum."${code}", 0)::int as "${code}"`),
    ...families.flatMap(({ family, index, sql }) => Object.keys(family.measures).map((code) => `${sql ? `coalesce(x${index}."${code}", 0)` : '0'}::int as "${code}"`)),
  ];
  const joins = [
    ...(fromRollup ? ['kr'] : Object.values(ATTRIBUTED)).map((m) => `left join ${m}_sum on ${m}_sum.subject_id = s.id`),
    ...families.filter((x) => x.sql).map((x) => `left join x${x.index} on x${x.index}.subject_id = s.id`),
  ];
  const head = fromRollup ? `with ${PARAMS},\ns as (${SUBJECTS[scope.subjectType](col)})` : withClauses(scope, col);
  const sql = `${head}${caseCtes.join('')}${ctes.join('')}
select s.id, s.name, s.code, s.city_id, s.county_id, s.township_id, s.grid_ids, coalesce((${readable.sql}), false) as readable, ${columns.join(',\n  ')}
from s ${joins.join(' ')}
order by s.id`;
  const rows = await em.execute<SubjectRow[]>(sql, [...params(scope), ...readable.bindings]);
  return rows.map((row) => ({
    // A street's id is a bigint (its code), which the driver gives as text.
    id: Number(row.id),
    name: row.name,
    code: row.code,
    scope: { cityId: row.city_id, countyId: row.county_id, townshipId: row.township_id, gridIds: row.grid_ids },
    readable: row.readable,
    measures: Object.fromEntries(MEASURE_CODES.map((code) => [code, Number(row[code])])) as Record<MeasureCode, number>,
  }));
}

/** The records behind one measure of one subject (the drill-down), by kind, in id order. */
export async function recordsBehind(em: EntityManager, scope: MeasureScope, subjectId: number, measure: MeasureCode): Promise<Map<BehindKind, number[]>> {
  const col = columnOf(scope);
  let sql: string;
  if (isCaseMeasure(measure)) {
    const m: MeasureDef = MEASURES[measure];
    sql = `${withClauses(scope, col)}
select distinct 'Case' as kind, f.case_id as id from ${attributedBy(m)} f
where f.subject_id = (select subject from p) and (${m.where}) and (${m.add}) > 0`;
  } else {
    const family = FAMILY_OF.get(measure)!;
    const behind = family.behind(scope.subjectType, col, measure);
    if (!behind) return new Map();
    sql = `with p as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::int as unit, ?::bigint as subject)
select distinct b.kind, b.id from (${behind}) b`;
  }
  const rows = await em.execute<{ kind: BehindKind; id: number }[]>(`${sql} order by 1, 2`, params(scope, subjectId));
  const byKind = new Map<BehindKind, number[]>();
  for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), Number(row.id)]);
  return byKind;
}

/** Whether one subject of the unit exists and the caller may read its row (no measures computed). */
export async function subjectReadable(em: EntityManager, scope: MeasureScope, subjectId: number, readable: SqlFragment): Promise<boolean> {
  const col = columnOf(scope);
  const sql = `with p as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::int as unit, ?::bigint as subject),
s as (${SUBJECTS[scope.subjectType](col)})
select coalesce((${readable.sql}), false) as readable from s where s.id = (select subject from p)`;
  const rows = await em.execute<{ readable: boolean }[]>(sql, [...params(scope, subjectId), ...readable.bindings]);
  return rows[0]?.readable === true;
}

/**
 * Which subjects of a publication's snapshot the caller may read: the same row condition as a
 * live table, over the scope columns frozen in the snapshot (no tenant table is read).
 */
export async function readableSnapshotSubjects(em: EntityManager, subjects: { id: number; scope: SubjectScope }[], readable: SqlFragment): Promise<Set<number>> {
  const values = subjects.map((x) => ({ id: x.id, city_id: x.scope.cityId, county_id: x.scope.countyId, township_id: x.scope.townshipId, grid_ids: x.scope.gridIds }));
  const sql = `with s as (select * from jsonb_to_recordset(?::jsonb) as x(id bigint, city_id int, county_id int, township_id int, grid_ids int[]))
select s.id from s where coalesce((${readable.sql}), false)`;
  const rows = await em.execute<{ id: string | number }[]>(sql, [JSON.stringify(values), ...readable.bindings]);
  return new Set(rows.map((row) => Number(row.id)));
}
