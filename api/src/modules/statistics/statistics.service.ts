import type { FilterQuery } from '@mikro-orm/postgresql';
import type { MongoQuery } from '@casl/ability';
import { Kind, type FieldNode } from 'graphql';
import { unitSubtree } from '../../auth/territory';
import type { UnitScope } from '../../common/base.entity';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { findVisible } from '../../data/records';
import type { RowsQuery } from '../../data/read-model';
import { scopedSelectSql, type SqlFragment } from '../../data/scoped-sql';
import type { RequestContext } from '../../context/request-context';
import { CaseStatus } from '../case/case.enums';
import { Case } from '../case/case.entity';
import { beijingDay } from '@gridwatch/domain';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { CaseStatisticsDimension as Dim, TIME_DIMENSIONS, type CaseStatisticsArgs } from './statistics.inputs';
import { readScopeUnit, unitInside } from './statistics.scope';
import { combinedSql, dimensionAlias, liveAggregateSql, liveSql, notYetDueSql, rollupTotalsSql, rollupTrendSql, type LiveSpec } from './statistics.sql';
import type { CaseStatistic } from './statistics.types';

const DAY_MS = 86_400_000;
/** Longest span per time dimension, so a chart never asks for tens of thousands of groups. */
const MAX_SPAN_DAYS: Partial<Record<Dim, number>> = { [Dim.DAY]: 366, [Dim.WEEK]: 5 * 366 };
const CASE_COLUMNS = ['grid_id', 'county_id', 'township_id', 'status', 'category_id', 'reported_at', 'closed_at', 'due_at'];

interface Row {
  unit_id: number | null;
  status: CaseStatus | null;
  category_id: number | null;
  period: Date | null;
  count: number;
  overdue: number;
  closed: number;
}

/** The types of the columns a statistic is not grouped by (null in every row). */
const NULL_COLUMNS = { unit_id: 'null::bigint', status: 'null::text', category_id: 'null::bigint', period: 'null::timestamptz' };

/** What the caller asked to see: a statistic without `overdue` can be read from more rollups. */
export interface StatisticFields {
  overdue: boolean;
}

/** Whether the selection names `overdue` (through a fragment: assumed so). */
export function askedFields(nodes: readonly FieldNode[]): StatisticFields {
  const overdue = nodes.some((node) => (node.selectionSet?.selections ?? []).some((s) => s.kind !== Kind.FIELD || s.name.value === 'overdue'));
  return { overdue };
}

function validate(args: CaseStatisticsArgs, to: Date): Dim | null {
  const { groupBy, from } = args;
  if (new Set(groupBy).size !== groupBy.length) {
    throw new BadInputError('A dimension is named twice', [{ field: 'groupBy', message: 'dimensions must differ' }]);
  }
  const times = groupBy.filter((d) => TIME_DIMENSIONS.has(d));
  if (times.length > 1) throw new BadInputError('At most one time dimension', [{ field: 'groupBy', message: 'DAY or WEEK, not both' }]);
  if (from && from >= to) throw new BadInputError('from must be before to', [{ field: 'from', message: 'must be before to' }]);
  const time = times[0] ?? null;
  if (time) {
    if (!from) throw new BadInputError('A trend needs a start', [{ field: 'from', message: `required with ${time}` }]);
    const span = (to.getTime() - from.getTime()) / DAY_MS;
    if (span > (MAX_SPAN_DAYS[time] as number)) {
      throw new BadInputError('The period is too long for this dimension', [{ field: 'from', message: `at most ${MAX_SPAN_DAYS[time]} days with ${time}` }]);
    }
  }
  return time;
}

/** The instant a Beijing day starts. */
const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+08:00`));

export const statisticsService = {
  /**
   * Case counts grouped by up to two dimensions, in one SQL statement: the caller's read
   * scope on cases (CASL, as SQL) plus `within`, grouped in the database; row-level
   * security bounds it again. With DAY/WEEK a case counts in the period it was reported and
   * again (as closed) in the period it was closed. The dashboard's questions are answered
   * from the rollups (case_rollup, case_rollup_day: O(units shown)) plus a live count of
   * today's edge; the others from the cases themselves (see `rollupParts`).
   */
  async caseStatistics(ctx: RequestContext, args: CaseStatisticsArgs, fields: StatisticFields = { overdue: true }): Promise<CaseStatistic[]> {
    const statement = await statisticsSql(ctx, args, fields);
    if (!statement) return [];
    const rows = await ctx.em.execute<Row[]>(statement.sql, statement.bindings);
    return rows.map((row) => ({
      unitId: args.groupBy.includes(Dim.UNIT) ? row.unit_id : null,
      status: row.status ?? null,
      categoryId: row.category_id ?? null,
      period: row.period ? new Date(row.period) : null,
      count: row.count,
      overdue: row.overdue,
      closed: row.closed,
    }));
  },

  /**
   * The same statement for the read compiler (statistics.reads.ts): every column of a
   * CaseStatistic row, those not grouped by null, in the statement's order.
   */
  async rowsQuery(ctx: RequestContext, args: CaseStatisticsArgs, fields: StatisticFields): Promise<RowsQuery | null> {
    const statement = await statisticsSql(ctx, args, fields);
    if (!statement) return null;
    const grouped = new Set(args.groupBy.map((d) => dimensionAlias[d]));
    const column = (name: keyof typeof NULL_COLUMNS) => (grouped.has(name) ? name : `${NULL_COLUMNS[name]} as ${name}`);
    return {
      sql: `select ${column('unit_id')}, ${column('status')}, ${column('category_id')}, ${column('period')}, count, overdue, closed from (${statement.sql}) as statistics`,
      bindings: statement.bindings,
      orderBy: args.groupBy.map((d) => dimensionAlias[d]),
    };
  },
};

/** The one statement of a caseStatistics question (`?` placeholders), or null when the caller may count nothing. */
async function statisticsSql(ctx: RequestContext, args: CaseStatisticsArgs, fields: StatisticFields): Promise<SqlFragment | null> {
  const now = ctx.clock.now();
  const to = args.to ?? now;
  const time = validate(args, to);
  // No rule lets the caller read a case: nothing to count (and no grid to look up).
  if (!ctx.ability.can('read', 'Case')) return null;
  const within = args.within ? await findVisible(ctx, Grid, args.within) : null;
  const principal = ctx.principal;
  const level = within?.level ?? (principal?.unitLevel as GridLevel);
  const base: FilterQuery<Case>[] = [
    within ? subtreeOf<Case>(within, 'gridId') : ((principal ? unitSubtree(principal, 'gridId') : { id: null }) as MongoQuery as FilterQuery<Case>),
  ];
  const categoryId = args.categoryId ? fromGlobalId('CaseCategory', args.categoryId) : null;
  if (categoryId) base.push({ categoryId });
  // The caller's read scope on cases from the scope compiler, and the filter above.
  const cases = (filter: FilterQuery<Case>[]) => scopedSelectSql(ctx, Case, 'Case', 'c', CASE_COLUMNS, { $and: [...base, ...filter] });
  const spec: LiveSpec = { groupBy: args.groupBy, level, time, now };

  const unit = within ? { id: within.id, scope: within.scope } : principal ? { id: principal.unitId, scope: principal.unitScope } : null;
  const parts = unit && rollupParts(ctx, args, fields, spec, unit, categoryId, cases);
  if (parts) return combinedSql(args.groupBy, parts, time !== null);
  const filter: FilterQuery<Case>[] = [];
  if (args.overdueOnly) filter.push({ dueAt: { $lt: now } });
  // A case closes after it is reported: reported before `to` bounds both arms of a trend.
  filter.push({ reportedAt: { $lt: to } });
  if (args.from) filter.push(time ? { $or: [{ reportedAt: { $gte: args.from } }, { closedAt: { $gte: args.from } }] } : { reportedAt: { $gte: args.from } });
  const scoped = cases(filter);
  return scoped && liveSql(args.groupBy, liveAggregateSql(spec, scoped, time ? { from: args.from ?? null, to } : null));
}

/**
 * The statement's parts when the rollups can answer, else null (the live query answers):
 * - the caller's read scope on cases must be one unit's subtree holding `within` (departments'
 *   field, partners' assignments and grid workers' grids are not in the rollups);
 * - no `to`, no `overdueOnly`, and `from` only for a trend, at a Beijing midnight (the rollups
 *   keep days, not instants; reported-since with closed/overdue counts needs the case);
 * - a trend's `overdue` (reported in the period and overdue now) is not kept: only when unasked.
 * Today (up to now) is counted live, as are (taken off overdue) deadlines later today and
 * (taken away) cases reported at or after now (the live query counts those reported before `to` = now; normally
 * none, each an index range on reported_at).
 */
function rollupParts(
  ctx: RequestContext,
  args: CaseStatisticsArgs,
  fields: StatisticFields,
  spec: LiveSpec,
  unit: { id: number; scope: UnitScope },
  categoryId: number | null,
  cases: (filter: FilterQuery<Case>[]) => SqlFragment | null,
): SqlFragment[] | null {
  const scope = readScopeUnit(ctx.ability);
  if (!scope || !unitInside(scope, unit.id, unit.scope)) return null;
  if (args.to || args.overdueOnly) return null;
  const { now, time } = spec;
  const today = beijingDay(now);
  const todayStart = dayStart(today);
  const filter = { unit: unit.id, categoryId };
  if (time) {
    const from = args.from as Date;
    if (fields.overdue || dayStart(beijingDay(from)).getTime() !== from.getTime()) return null;
    const recent = from < todayStart ? todayStart : from;
    const live = cases([{ $or: [{ reportedAt: { $gte: recent } }, { closedAt: { $gte: recent } }] }, { reportedAt: { $lt: now } }]);
    if (!live) return null;
    const parts = [liveAggregateSql(spec, live, { from: recent, to: now })];
    if (from < todayStart) {
      // The rollup's closures before today, less those of cases the data reports at or after now.
      const future = cases([{ reportedAt: { $gte: now } }, { closedAt: { $gte: from, $lt: todayStart } }]);
      if (!future) return null;
      parts.push(rollupTrendSql(args.groupBy, filter, beijingDay(from), today), liveAggregateSql(spec, future, { from, to: todayStart }, -1));
    }
    return parts;
  }
  if (args.from) return null;
  const future = cases([{ reportedAt: { $gte: now } }]);
  if (!future) return null;
  const parts = [...rollupTotalsSql(args.groupBy, filter, fields.overdue ? today : null), liveAggregateSql(spec, future, null, -1)];
  if (fields.overdue) {
    const dueLaterToday = cases([{ dueAt: { $gte: now, $lt: new Date(todayStart.getTime() + DAY_MS) } }]);
    if (!dueLaterToday) return null;
    parts.push(notYetDueSql(args.groupBy, liveAggregateSql(spec, dueLaterToday, null)));
  }
  return parts;
}
