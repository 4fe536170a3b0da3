import { GridLevel } from '../../common/enums';
import type { SqlFragment } from '../../data/scoped-sql';
import { CaseStatisticsDimension as Dim } from './statistics.inputs';

/**
 * The SQL of caseStatistics. Every aggregate yields the same columns (the dimensions asked for,
 * then count, overdue, closed), so the rollup path can add live parts to rollup parts in one
 * statement (`combinedSql`) and keep the live path's grouping and order.
 */

/** The case's unit one level below `within` (the case's own grid when it sits on `within` itself). */
const childUnitColumn: Record<GridLevel, string> = {
  [GridLevel.CITY]: 'coalesce(c.county_id, c.grid_id)',
  [GridLevel.COUNTY]: 'coalesce(c.township_id, c.grid_id)',
  [GridLevel.TOWNSHIP]: 'c.grid_id',
  [GridLevel.VILLAGE]: 'c.grid_id',
};

const liveDimension: Record<Dim, (level: GridLevel) => string> = {
  [Dim.UNIT]: (level) => childUnitColumn[level],
  [Dim.STATUS]: () => 'c.status',
  [Dim.CATEGORY]: () => 'c.category_id',
  [Dim.DAY]: () => `date_trunc('day', v.at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`,
  [Dim.WEEK]: () => `date_trunc('week', v.at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`,
};

/** Rollup rows are per unit; `r.day` is a Beijing date. */
const rollupDimension: Record<Dim, string> = {
  [Dim.UNIT]: 'r.unit_id',
  [Dim.STATUS]: 'r.status',
  [Dim.CATEGORY]: 'r.category_id',
  [Dim.DAY]: `r.day::timestamp at time zone 'Asia/Shanghai'`,
  [Dim.WEEK]: `date_trunc('week', r.day::timestamp) at time zone 'Asia/Shanghai'`,
};

export const dimensionAlias: Record<Dim, 'unit_id' | 'status' | 'category_id' | 'period'> = {
  [Dim.UNIT]: 'unit_id',
  [Dim.STATUS]: 'status',
  [Dim.CATEGORY]: 'category_id',
  [Dim.DAY]: 'period',
  [Dim.WEEK]: 'period',
};

const keysOf = (groupBy: Dim[]): string => groupBy.map((d) => dimensionAlias[d]).join(', ');

export interface LiveSpec {
  groupBy: Dim[];
  /** The level of `within`: what UNIT groups by. */
  level: GridLevel;
  /** DAY or WEEK, or null. */
  time: Dim | null;
  now: Date;
}

/**
 * The live aggregate over `cases` (a scoped select of the case columns). With a time
 * dimension a case counts in the period it was reported and again (as closed) in the period it
 * was closed, through a two-row lateral join bounded to [from, to). `sign` -1 takes it away.
 */
export function liveAggregateSql(spec: LiveSpec, cases: SqlFragment, trend: { from: Date | null; to: Date } | null, sign: 1 | -1 = 1): SqlFragment {
  const dims = spec.groupBy.map((d) => `${liveDimension[d](spec.level)} as ${dimensionAlias[d]}`);
  const metrics = trend
    ? `${sign} * count(*) filter (where v.reported) as count,
       ${sign} * count(*) filter (where v.reported and c.due_at < ?) as overdue,
       ${sign} * count(*) filter (where not v.reported) as closed`
    : `${sign} * count(*) as count,
       ${sign} * count(*) filter (where c.due_at < ?) as overdue,
       ${sign} * count(*) filter (where c.closed_at is not null) as closed`;
  const lateral = trend
    ? `cross join lateral (values (c.reported_at, true), (c.closed_at, false)) as v(at, reported)
       where v.at is not null and v.at < ?${trend.from ? ' and v.at >= ?' : ''}`
    : '';
  const trendBindings = trend ? [trend.to, ...(trend.from ? [trend.from] : [])] : [];
  return {
    sql: `select ${dims.join(', ')}, ${metrics} from (${cases.sql}) as c ${lateral} group by ${keysOf(spec.groupBy)}`,
    bindings: [spec.now, ...cases.bindings, ...trendBindings],
  };
}

/** Rows of the rollup for `unit`: its subtree, or with UNIT its child units and its own grid. */
function rollupUnit(groupBy: Dim[], unit: number): SqlFragment {
  return groupBy.includes(Dim.UNIT)
    ? { sql: '(r.parent_id = ? or (r.unit_id = ? and r.own))', bindings: [unit, unit] }
    : { sql: 'r.unit_id = ?', bindings: [unit] };
}

export interface RollupFilter {
  unit: number;
  categoryId: number | null;
}

/**
 * Totals from case_rollup. With `overdueOn` (a Beijing day) also overdue: the cases with a
 * deadline less those due after that day (case_rollup_due); the rest of the day is live.
 * Without it `overdue` is 0 (not asked for).
 */
export function rollupTotalsSql(groupBy: Dim[], filter: RollupFilter, overdueOn: string | null): SqlFragment[] {
  const unit = rollupUnit(groupBy, filter.unit);
  const dims = groupBy.map((d) => `${rollupDimension[d]} as ${dimensionAlias[d]}`);
  const category = filter.categoryId != null ? { sql: ' and r.category_id = ?', bindings: [filter.categoryId] } : { sql: '', bindings: [] };
  const totals = {
    sql: `select ${dims.join(', ')}, sum(r.cases) as count, ${overdueOn ? 'sum(r.dated)' : '0'} as overdue, sum(r.closed) as closed
          from case_rollup r where ${unit.sql}${category.sql} group by ${keysOf(groupBy)}`,
    bindings: [...unit.bindings, ...category.bindings],
  };
  if (!overdueOn) return [totals];
  const dueLater = {
    sql: `select ${dims.join(', ')}, 0 as count, -sum(r.cases) as overdue, 0 as closed
          from case_rollup_due r where ${unit.sql} and r.due_day > ?::date${category.sql} group by ${keysOf(groupBy)}`,
    bindings: [...unit.bindings, overdueOn, ...category.bindings],
  };
  return [totals, dueLater];
}

/** Reported (R) and closed (C) counts per period from case_rollup_day over the Beijing days [fromDay, toDay). */
export function rollupTrendSql(groupBy: Dim[], filter: RollupFilter, fromDay: string, toDay: string): SqlFragment {
  const unit = rollupUnit(groupBy, filter.unit);
  const dims = groupBy.map((d) => `${rollupDimension[d]} as ${dimensionAlias[d]}`);
  return {
    sql: `select ${dims.join(', ')}, coalesce(sum(r.cases) filter (where r.kind = 'R'), 0) as count, 0 as overdue,
            coalesce(sum(r.cases) filter (where r.kind = 'C'), 0) as closed
          from case_rollup_day r where ${unit.sql} and r.day >= ?::date and r.day < ?::date${filter.categoryId != null ? ' and r.category_id = ?' : ''}
          group by ${keysOf(groupBy)}`,
    bindings: [...unit.bindings, fromDay, toDay, ...(filter.categoryId != null ? [filter.categoryId] : [])],
  };
}

/** The parts added up per group, in the live path's order; a group is there when it counts something. */
export function combinedSql(groupBy: Dim[], parts: SqlFragment[], trend: boolean): SqlFragment {
  const keys = keysOf(groupBy);
  const present = trend ? 'sum(count) <> 0 or sum(closed) <> 0' : 'sum(count) <> 0';
  return {
    sql: `select ${keys}, coalesce(sum(count), 0)::int as count, coalesce(sum(overdue), 0)::int as overdue, coalesce(sum(closed), 0)::int as closed
          from (${parts.map((p) => `(${p.sql})`).join(' union all ')}) as parts group by ${keys} having ${present} order by ${keys}`,
    bindings: parts.flatMap((p) => p.bindings),
  };
}

/** A live part that takes its cases off `overdue` only (due later today: the rollup knows their day, not their hour). */
export function notYetDueSql(groupBy: Dim[], part: SqlFragment): SqlFragment {
  return { sql: `select ${keysOf(groupBy)}, 0 as count, -count as overdue, 0 as closed from (${part.sql}) as due_later_today`, bindings: part.bindings };
}

/** The live path alone: one aggregate, ordered. */
export function liveSql(groupBy: Dim[], part: SqlFragment): SqlFragment {
  const keys = keysOf(groupBy);
  return {
    sql: `select ${keys}, count::int, overdue::int, closed::int from (${part.sql}) as live order by ${keys}`,
    bindings: part.bindings,
  };
}
