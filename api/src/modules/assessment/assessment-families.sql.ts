import { streetCodeSql } from '../grid/grid-code';
/**
 * The SQL of the measures not counted over cases (patrol plans, grid coverage, key-source
 * inspections, grid workers' activity): fragments, not statements, which
 * assessment-measures.sql.ts splices into its own. Their tenant scope is that statement's: each
 * fragment is bounded by the unit column `p.unit` (a unit the service read through the scoped
 * ORM) and runs in the request's transaction under row-level security.
 */

import { inspectionDueSql, SOURCE_COLUMNS } from '../inspection/inspection.sql';
import { AssessmentSubjectType as S } from './assessment.enums';

/**
 * Measures that are not counted over cases: each family reads the CTE `p` (t0, t1, unit and,
 * in a drill-down, subject) and gives one row per subject (`subject_id` plus its codes), or
 * nothing for a subject type it does not measure. `behind` lists what a figure counts, as
 * (`kind`, `id`) rows of the subject `p.subject`.
 */
export interface MeasureFamily {
  /** code → description (口径) */
  measures: Record<string, string>;
  perSubject(type: S, col: string): string | null;
  behind(type: S, col: string, code: string): string | null;
}

/** The street (街道) of an urban management grid, from the division code its code carries (grid-code.ts). */
export const streetOf = (gridId: string): string =>
  `(select ${streetCodeSql('sg.code')}::bigint from grid sg where sg.id = ${gridId} and sg.kind = 'URBAN_MANAGEMENT')`;

/** The kinds of record a drill-down returns, by global-id type. */
export type BehindKind = 'Case' | 'PatrolPlan' | 'Grid' | 'PollutionSource' | 'PatrolCheckIn';

/** A family whose records name their subject in one column per subject type (`owners`); other types have none. */
function owned(
  measures: Record<string, string>,
  owners: Partial<Record<S, string>>,
  perSubject: (owner: string, col: string) => string,
  behind: (owner: string, col: string, code: string) => string,
): MeasureFamily {
  return {
    measures,
    perSubject: (type, col) => (owners[type] ? perSubject(owners[type], col) : null),
    behind: (type, col, code) => (owners[type] ? behind(owners[type], col, code) : null),
  };
}

/**
 * 巡查频次完成率: the patrol plans (`patrol_plan_progress`, the plans module's one definition
 * of progress) of the months inside the period; a patrol beyond the plan adds nothing.
 * Officers and departments have no patrol plans.
 */
const PATROL_OWNER: Partial<Record<S, string>> = { [S.GRID_WORKER]: 'pp.grid_worker_id', [S.GRID]: 'pp.grid_id', [S.TOWNSHIP]: 'pp.township_id', [S.STREET]: streetOf('pp.grid_id'), [S.COUNTY]: 'pp.county_id' };
const PATROL_PLANS = (col: string) => `patrol_plan_progress pp, p
  where pp.${col} = p.unit and pp.month >= (p.t0 at time zone 'Asia/Shanghai')::date and pp.month < (p.t1 at time zone 'Asia/Shanghai')::date`;

export const PATROLS = owned(
  { patrols_required: '应巡查次数 (本期巡查计划)', patrols_done: '已巡查次数 (计划内, 每日至多一次)' },
  PATROL_OWNER,
  (owner, col) => `select ${owner} as subject_id, sum(pp.required_count)::int as patrols_required, sum(least(pp.done_count, pp.required_count))::int as patrols_done
      from ${PATROL_PLANS(col)} group by 1`,
  (owner, col) => `select 'PatrolPlan' as kind, pp.patrol_plan_id as id from ${PATROL_PLANS(col)} and ${owner} = (select subject from p)`,
);

/** The last Beijing day of the period. */
const LAST_DAY = `(select (p.t1 at time zone 'Asia/Shanghai')::date - 1 from p)`;

/**
 * 网格覆盖率: the lowest-level grids under the subject (active township or village grids
 * without an active child grid) staffed by at least one active officer and one active grid
 * worker, counted by `gw_grid_staffing`, the patrol module's coverage definition. Staffing
 * has no history: the figure is today's staffing, also for a past period.
 */
const LEAF_GRIDS = (col: string) => `select g.id, g.township_id, g.county_id from grid g, p
  where g.${col} = p.unit and g.active and g.level in ('TOWNSHIP', 'VILLAGE')
    and not exists (select 1 from grid k where k.parent_id = g.id and k.active)`;
const STAFFED = `select s.grid_id, (s.officers > 0 and s.grid_workers > 0) as staffed
  from gw_grid_staffing(array(select lg.id from lg)) s`;
const GRID_OWNER: Partial<Record<S, string>> = { [S.GRID]: 'lg.id', [S.TOWNSHIP]: 'lg.township_id', [S.STREET]: streetOf('lg.id'), [S.COUNTY]: 'lg.county_id' };

export const COVERAGE = owned(
  {
    grids_total: '末级网格数 (考核对象下无下级的乡镇街道、村社区网格)',
    grids_staffed: '已覆盖网格数 (至少一名在岗执法人员和一名在岗网格员; 按当前配备)',
  },
  GRID_OWNER,
  (owner, col) => `with lg as (${LEAF_GRIDS(col)}), st as (${STAFFED})
      select ${owner} as subject_id, count(*)::int as grids_total, count(*) filter (where st.staffed)::int as grids_staffed
      from lg join st on st.grid_id = lg.id group by 1`,
  (owner, col, code) => `with lg as (${LEAF_GRIDS(col)}), st as (${STAFFED})
      select 'Grid' as kind, lg.id from lg join st on st.grid_id = lg.id
      where ${owner} = (select subject from p) ${code === 'grids_staffed' ? 'and st.staffed' : ''}`,
);

/**
 * 重点源按频次检查率: KEY sources in operation (active, on file before the period's end)
 * not overdue on the period's last day, by the inspection module's one due-date definition
 * (the level's frequency, raised by the sensitive periods active that day). A source
 * never inspected counts from the day it was put on file.
 */
const KEY_SOURCES = (col: string) => `select d.id, d.due_on >= d.as_of as on_time, s.grid_id, s.township_id, s.county_id
  from (${inspectionDueSql(
    `select ${SOURCE_COLUMNS.map((c) => `s.${c}`).join(', ')} from pollution_source s, p
      where s.${col} = p.unit and s.status = 'ACTIVE' and s.supervision_level = 'KEY' and s.created_at < p.t1`,
    LAST_DAY,
  )}) d join pollution_source s on s.id = d.id`;
const SOURCE_OWNER: Partial<Record<S, string>> = { [S.GRID]: 'ks.grid_id', [S.TOWNSHIP]: 'ks.township_id', [S.STREET]: streetOf('ks.grid_id'), [S.COUNTY]: 'ks.county_id' };

export const KEY_SOURCE_INSPECTION = owned(
  {
    key_sources: '重点污染源数 (期末在产)',
    key_sources_inspected: '按频次检查的重点源数 (期末最后一日未超期, 含敏感时期加密)',
  },
  SOURCE_OWNER,
  (owner, col) => `select ${owner} as subject_id, count(*)::int as key_sources, count(*) filter (where ks.on_time)::int as key_sources_inspected
      from (${KEY_SOURCES(col)}) ks group by 1`,
  (owner, col, code) => `select 'PollutionSource' as kind, ks.id from (${KEY_SOURCES(col)}) ks
      where ${owner} = (select subject from p) ${code === 'key_sources_inspected' ? 'and ks.on_time' : ''}`,
);

/**
 * 活跃率 of grid workers (there is no presence record): the working days (Mon-Fri, Beijing)
 * of the period on which the worker checked in on patrol inside the boundary or reported a
 * case through its account, over the period's working days.
 */
const WORKDAY = `extract(isodow from x.day) < 6`;
const ACTIVITY = (col: string) => `select ci.grid_worker_id as subject_id, (ci.at at time zone 'Asia/Shanghai')::date as day, 'PatrolCheckIn' as kind, ci.id
    from patrol_check_in ci, p where ci.${col} = p.unit and not ci.outside_boundary and ci.at >= p.t0 and ci.at < p.t1
  union all
  select a.grid_worker_id, (c.reported_at at time zone 'Asia/Shanghai')::date, 'Case', c.id
    from "case" c join account a on a.id = c.reported_by_id, p
    where c.${col} = p.unit and c.reported_at >= p.t0 and c.reported_at < p.t1 and a.grid_worker_id is not null`;
const WORKING_DAYS = `(select count(*)::int from p, generate_series((p.t0 at time zone 'Asia/Shanghai')::date, (p.t1 at time zone 'Asia/Shanghai')::date - 1, interval '1 day') d
  where extract(isodow from d) < 6)`;

export const ACTIVITY_DAYS: MeasureFamily = {
  measures: {
    active_days: '活跃天数 (工作日中有界内巡查签到或本人上报案件的天数)',
    working_days: '工作日数 (本期周一至周五)',
  },
  perSubject(type, col) {
    if (type !== S.GRID_WORKER) return null;
    return `select s.id as subject_id, coalesce(x.days, 0)::int as active_days, ${WORKING_DAYS} as working_days
      from s left join (select x.subject_id, count(distinct x.day) as days from (${ACTIVITY(col)}) x where ${WORKDAY} group by 1) x on x.subject_id = s.id`;
  },
  behind(type, col, code) {
    if (type !== S.GRID_WORKER || code !== 'active_days') return null;
    return `select x.kind, x.id from (${ACTIVITY(col)}) x where x.subject_id = (select subject from p) and ${WORKDAY}`;
  },
};

/**
 * 培训覆盖率 (分级分类轮训): the unit's active officers and grid workers (by their employer's
 * scope columns) and those of them who attended at least one training session held in the
 * period (Beijing days), whoever organised it. Staff has no history: today's active people.
 */
const TRAINEES = (col: string) => `select x.id, x.county_id, x.township_id, exists (
      select 1 from training_attendance a join training_session ts on ts.id = a.session_id
      where (case when x.kind = 'officer' then a.officer_id else a.grid_worker_id end) = x.id
        and ts.held_on >= (p.t0 at time zone 'Asia/Shanghai')::date and ts.held_on < (p.t1 at time zone 'Asia/Shanghai')::date) as trained
    from (select 'officer' as kind, o.id, o.county_id, o.township_id from officer o, p where o.${col} = p.unit and o.active
          union all
          select 'grid_worker', w.id, w.county_id, w.township_id from grid_worker w, p where w.${col} = p.unit and w.active) x, p`;
const TRAINEE_OWNER: Partial<Record<S, string>> = { [S.TOWNSHIP]: 'tr.township_id', [S.COUNTY]: 'tr.county_id' };

export const TRAINING = owned(
  {
    trainees: '在岗执法人员和环保网格员数 (按用人单位; 按当前在岗)',
    trainees_trained: '参训人数 (本期至少参加一期培训)',
  },
  TRAINEE_OWNER,
  (owner, col) => `select ${owner} as subject_id, count(*)::int as trainees, count(*) filter (where tr.trained)::int as trainees_trained
      from (${TRAINEES(col)}) tr group by 1`,
  // People are not a drill-down kind: the figure is checked against the session's attendance.
  () => `select null::text as kind, null::int as id where false`,
);

export const FAMILIES: MeasureFamily[] = [PATROLS, COVERAGE, KEY_SOURCE_INSPECTION, ACTIVITY_DAYS, TRAINING];
