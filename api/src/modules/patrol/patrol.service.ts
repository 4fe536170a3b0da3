import type { FilterQuery } from '@mikro-orm/postgresql';
import { subject } from '@casl/ability';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { ConflictError, ForbiddenError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { containsPoint } from '../grid/grid-area';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { earlierCheckIn, observedTime, sameCheckIn } from './patrol-check-in-time';
import { PatrolCheckIn } from './patrol-check-in.entity';
import { patrolFactors } from './patrol-factor';
import { elapsedShare, expectedByNow, monthOf, parseMonth, type PatrolMonth } from '../../common/month';
import { PatrolPlan } from './patrol-plan.entity';
import { PatrolRule } from './patrol-rule.entity';
import type { CheckInInput, PatrolCheckInFilter, PatrolPlanFilter, SetPatrolRuleInput } from './patrol.inputs';
import { accountGridWorker, patrolAssignments, pgArray, savePatrolPlans, type PatrolAssignment } from './patrol.sql';

export interface GenerationResult {
  month: string;
  plans: number;
  created: number;
  updated: number;
}

/** The caller's unit, or the grid named by `withinId`, loaded in scope. */
export function unitOrWithin(ctx: RequestContext, withinId?: string | null): Promise<Grid> {
  if (withinId) return findVisible(ctx, Grid, withinId);
  if (!ctx.principal) throw new ForbiddenError('Sign in first');
  return findVisibleById(ctx, Grid, ctx.principal.unitId);
}


/**
 * 生成月度巡查计划 for every active grid worker on the active grids of a unit: one row per
 * (worker, grid, month), the rule's count times the sensitive-period factor. Idempotent:
 * running it again updates the counts in place (a changed rule or period) and adds rows
 * for new assignments; plans of assignments that ended stay as the month's record.
 */
export async function generatePlans(ctx: RequestContext, month: PatrolMonth, unit: Grid): Promise<GenerationResult> {
  const assignments = await patrolAssignments(ctx, unit);
  const factors = await patrolFactors(ctx, month, assignments.map((a) => a.grid_id));
  const result: GenerationResult = { month: month.label, plans: assignments.length, created: 0, updated: 0 };
  if (!assignments.length) return result;
  const factorOf = (a: PatrolAssignment) => factors.get(a.grid_id) ?? 1;
  const rows = await savePatrolPlans(ctx, month, assignments, factorOf);
  result.created = rows.filter((r) => r.inserted).length;
  result.updated = rows.length - result.created;
  return result;
}

export const patrolService = {
  /** The latest month, up to this one, that has plans in the caller's territory (a month screen opens on it). */
  async latestPlanMonth(ctx: RequestContext): Promise<string | null> {
    const latest = await ctx.em.findOne(PatrolPlan, { month: { $lte: monthOf(ctx.clock.now()).firstDay } }, { orderBy: { month: 'desc' }, fields: ['month'] });
    return latest ? String(latest.month).slice(0, 7) : null;
  },

  rules: (ctx: RequestContext): Promise<PatrolRule[]> => ctx.em.find(PatrolRule, {}, { orderBy: { gridLevel: 'asc', gridKind: 'asc' } }),

  async setRule(ctx: RequestContext, input: SetPatrolRuleInput): Promise<PatrolRule> {
    const rule = (await ctx.em.findOne(PatrolRule, { gridLevel: input.gridLevel, gridKind: input.gridKind })) ?? Object.assign(new PatrolRule(), input);
    assertCan(ctx, 'update', rule);
    rule.timesPerMonth = input.timesPerMonth;
    await ctx.em.persistAndFlush(rule);
    return rule;
  },

  /** 生成月度巡查计划 for the caller's unit (or `withinId`), checked against the caller's rights. */
  async generate(ctx: RequestContext, monthLabel: string, withinId?: string | null): Promise<GenerationResult> {
    const month = parseMonth(monthLabel);
    const unit = await unitOrWithin(ctx, withinId);
    assertCan(ctx, 'create', subject('PatrolPlan', { ...unit.scope, gridId: unit.id }));
    return generatePlans(ctx, month, unit);
  },

  async plans(ctx: RequestContext, filter: PatrolPlanFilter, args: ConnectionArgs): Promise<Connection<PatrolPlan>> {
    const month = parseMonth(filter.month, 'filter.month');
    const where: FilterQuery<PatrolPlan>[] = [{ month: month.firstDay }];
    if (filter.withinId) where.push(subtreeOf<PatrolPlan>(await findVisible(ctx, Grid, filter.withinId), 'gridId'));
    if (filter.gridWorkerId) where.push({ gridWorkerId: fromGlobalId('GridWorker', filter.gridWorkerId) });
    if (filter.behind != null) {
      // Behind = fewer patrols than the month's elapsed share of the plan (rounded down).
      const rows = await ctx.em.execute<{ id: number }[]>(
        `select patrol_plan_id as id from patrol_plan_progress where month = ? and done_count < floor(required_count * ?)`,
        [month.firstDay, elapsedShare(month, ctx.clock.now())],
      );
      const ids = rows.map((r) => r.id);
      where.push(filter.behind ? { id: { $in: ids } } : { id: { $nin: ids } });
    }
    return paginate(ctx.em, PatrolPlan, { $and: where }, [{ id: 'asc' }], args);
  },

  /** Patrols done per plan (distinct days with a check-in inside the grid), batched per request. */
  doneCount(ctx: RequestContext, plan: PatrolPlan): Promise<number> {
    const loader = ctx.loaders.get<number, number>('PatrolPlan.done', async (ids) => {
      const rows = await ctx.em.execute<{ patrol_plan_id: number; done_count: number }[]>(
        `select patrol_plan_id, done_count from patrol_plan_progress where patrol_plan_id = any(?::int[])`,
        [pgArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.patrol_plan_id, r.done_count]));
      return ids.map((id) => byId.get(id) ?? 0);
    });
    return loader.load(plan.id);
  },

  expected(ctx: RequestContext, plan: PatrolPlan): number {
    return expectedByNow(plan.requiredCount, parseMonth(String(plan.month).slice(0, 7)), ctx.clock.now());
  },

  /**
   * 巡查打卡 by the signed-in grid worker. Outside the grid's boundary it is recorded and
   * flagged, never refused and never counted as a normal patrol.
   */
  /**
   * 巡查打卡. A check-in made without a network carries the phone's time (`observedAt`, within
   * bounds) and key: a resend under the key returns the first row, another payload under it
   * is a CONFLICT.
   */
  async checkIn(ctx: RequestContext, input: CheckInInput): Promise<PatrolCheckIn> {
    const grid = await findVisible(ctx, Grid, input.gridId);
    const [account] = await accountGridWorker(ctx, ctx.principal?.accountId ?? null);
    if (!account?.grid_worker_id) throw new ForbiddenError('Only a grid worker account checks in on patrol');
    await ctx.em.populate(grid, ['boundary']);
    const receivedAt = ctx.clock.now();
    const checkIn = Object.assign(new PatrolCheckIn(), {
      ...grid.scope,
      gridId: grid.id,
      gridWorkerId: account.grid_worker_id,
      at: observedTime(input.observedAt, receivedAt),
      receivedAt,
      lng: input.location.lng,
      lat: input.location.lat,
      notes: input.notes ?? null,
      recordedById: ctx.principal?.accountId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    assertCan(ctx, 'create', checkIn);
    const inside = containsPoint(grid.boundary, input.location);
    if (inside !== null) Object.assign(checkIn, { boundaryChecked: true, outsideBoundary: !inside });
    return ctx.em.transactional(async (em) => {
      if (input.idempotencyKey) {
        const earlier = await earlierCheckIn(em, checkIn.recordedById ?? null, input.idempotencyKey);
        if (earlier) {
          if (!sameCheckIn(earlier, checkIn, input.observedAt !== undefined)) throw new ConflictError('This idempotency key was used for another check-in', { field: 'idempotencyKey' });
          return earlier;
        }
      }
      em.persist(checkIn);
      return checkIn;
    });
  },

  async checkIns(ctx: RequestContext, filter: PatrolCheckInFilter = {}, args: ConnectionArgs): Promise<Connection<PatrolCheckIn>> {
    const where: FilterQuery<PatrolCheckIn>[] = [];
    if (filter.month) {
      const month: PatrolMonth = parseMonth(filter.month, 'filter.month');
      where.push({ at: { $gte: month.start, $lt: month.end } });
    }
    if (filter.withinId) where.push(subtreeOf<PatrolCheckIn>(await findVisible(ctx, Grid, filter.withinId), 'gridId'));
    if (filter.gridWorkerId) where.push({ gridWorkerId: fromGlobalId('GridWorker', filter.gridWorkerId) });
    if (filter.outsideBoundary != null) where.push({ outsideBoundary: filter.outsideBoundary });
    return paginate(ctx.em, PatrolCheckIn, { $and: where }, [{ id: 'desc' }], args);
  },

  monthLabel: (plan: PatrolPlan): string => String(plan.month).slice(0, 7),
  currentMonth: (ctx: RequestContext): string => monthOf(ctx.clock.now()).label,
};
