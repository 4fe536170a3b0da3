import type { FilterQuery } from '@mikro-orm/postgresql';
import type { MongoQuery } from '@casl/ability';
import { unitSubtree } from '../../auth/territory';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { findVisible } from '../../common/records';
import { scopedSelectSql } from '../../common/scoped-sql';
import type { RequestContext } from '../../context/request-context';
import { CaseStatus } from '../case/case.enums';
import { Case } from '../case/case.entity';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { CaseStatisticsDimension as Dim, TIME_DIMENSIONS, type CaseStatisticsArgs } from './statistics.inputs';
import type { CaseStatistic } from './statistics.types';

const DAY_MS = 86_400_000;
/** Longest span per time dimension, so a chart never asks for tens of thousands of groups. */
const MAX_SPAN_DAYS: Partial<Record<Dim, number>> = { [Dim.DAY]: 366, [Dim.WEEK]: 5 * 366 };

/** The case's unit one level below `within` (the case's own grid when it sits on `within` itself). */
const childUnitColumn: Record<GridLevel, string> = {
  [GridLevel.CITY]: 'coalesce(c.county_id, c.grid_id)',
  [GridLevel.COUNTY]: 'coalesce(c.township_id, c.grid_id)',
  [GridLevel.TOWNSHIP]: 'c.grid_id',
  [GridLevel.VILLAGE]: 'c.grid_id',
};

const dimensionSql: Record<Dim, string> = {
  [Dim.UNIT]: 'c.unit_id',
  [Dim.STATUS]: 'c.status',
  [Dim.CATEGORY]: 'c.category_id',
  [Dim.DAY]: `date_trunc('day', v.at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`,
  [Dim.WEEK]: `date_trunc('week', v.at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`,
};
const dimensionAlias: Record<Dim, keyof Row> = {
  [Dim.UNIT]: 'unit_id',
  [Dim.STATUS]: 'status',
  [Dim.CATEGORY]: 'category_id',
  [Dim.DAY]: 'period',
  [Dim.WEEK]: 'period',
};

interface Row {
  unit_id: number | null;
  status: CaseStatus | null;
  category_id: number | null;
  period: Date | null;
  count: number;
  overdue: number;
  closed: number;
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

export const statisticsService = {
  /**
   * Case counts grouped by up to two dimensions, in one SQL statement: the caller's read
   * scope on cases (CASL, as SQL) plus `within`, grouped in the database; row-level
   * security bounds it again. With DAY/WEEK a case counts in the period it was reported and
   * again (as closed) in the period it was closed, through a two-row lateral join.
   */
  async caseStatistics(ctx: RequestContext, args: CaseStatisticsArgs): Promise<CaseStatistic[]> {
    const now = ctx.clock.now();
    const to = args.to ?? now;
    const time = validate(args, to);
    // No rule lets the caller read a case: nothing to count (and no grid to look up).
    if (!ctx.ability.can('read', 'Case')) return [];
    const within = args.within ? await findVisible(ctx, Grid, args.within) : null;
    const level = within?.level ?? (ctx.principal?.unitLevel as GridLevel);
    const where: FilterQuery<Case>[] = [
      within ? subtreeOf<Case>(within, 'gridId') : ((ctx.principal ? unitSubtree(ctx.principal, 'gridId') : { id: null }) as MongoQuery as FilterQuery<Case>),
    ];
    if (args.categoryId) where.push({ categoryId: fromGlobalId('CaseCategory', args.categoryId) });
    if (args.overdueOnly) where.push({ dueAt: { $lt: now } });
    // A case closes after it is reported: reported before `to` bounds both arms of a trend.
    where.push({ reportedAt: { $lt: to } });
    if (args.from) where.push(time ? { $or: [{ reportedAt: { $gte: args.from } }, { closedAt: { $gte: args.from } }] } : { reportedAt: { $gte: args.from } });

    // The caller's read scope on cases from the scope compiler, and the filter above.
    const cases = scopedSelectSql(ctx, Case, 'Case', 'c', ['grid_id', 'county_id', 'township_id', 'status', 'category_id', 'reported_at', 'closed_at', 'due_at'], { $and: where });
    if (!cases) return [];
    const sql = `select ${childUnitColumn[level]} as unit_id, c.status, c.category_id, c.reported_at, c.closed_at, c.due_at from (${cases.sql}) c`;
    const bindings = cases.bindings;

    const dims = args.groupBy.map((d) => `${dimensionSql[d]} as ${dimensionAlias[d]}`);
    const keys = args.groupBy.map((d) => dimensionAlias[d]);
    const metrics = time
      ? `count(*) filter (where v.reported)::int as count,
         count(*) filter (where v.reported and c.due_at < ?)::int as overdue,
         count(*) filter (where not v.reported)::int as closed`
      : `count(*)::int as count,
         count(*) filter (where c.due_at < ?)::int as overdue,
         count(*) filter (where c.closed_at is not null)::int as closed`;
    const trend = time
      ? `cross join lateral (values (c.reported_at, true), (c.closed_at, false)) as v(at, reported)
         where v.at is not null and v.at < ?${args.from ? ' and v.at >= ?' : ''}`
      : '';
    const trendBindings = time ? [to, ...(args.from ? [args.from] : [])] : [];
    const rows = await ctx.em.execute<Row[]>(
      `select ${dims.join(', ')}, ${metrics} from (${sql}) as c ${trend} group by ${keys.join(', ')} order by ${keys.join(', ')}`,
      [now, ...bindings, ...trendBindings],
    );
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
};
