import { subject } from '@casl/ability';
import { assertCan } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Coverage, CoverageGap, PatrolWorkerProgress } from './coverage.types';
import { elapsedShare, monthOf, parseMonth } from '../../common/month';
import { unitOrWithin } from './patrol.service';
import { gridStaffing, subtreeSql } from './patrol.sql';

interface WorkerRow {
  grid_worker_id: number;
  required: number;
  done: number;
  expected: number;
}

/**
 * 覆盖情况 of a unit (the caller's, or `withinId`): level-3/4 grids without an officer or a
 * grid worker ("确保每个网格都有执法人员或监管人员"), and grid workers behind on the month's
 * patrol plan. Only for callers who may read the patrol plans of the whole unit.
 */
export async function coverageOf(ctx: RequestContext, withinId: string | null | undefined, monthLabel: string | null | undefined, first: number): Promise<Coverage> {
  const unit = await unitOrWithin(ctx, withinId);
  assertCan(ctx, 'read', subject('PatrolPlan', { ...unit.scope, gridId: unit.id }));
  const month = monthLabel ? parseMonth(monthLabel) : monthOf(ctx.clock.now());

  const staffing = await gridStaffing(ctx, unit);
  const gaps = staffing.filter((s) => s.officers === 0 || s.grid_workers === 0);

  const [planWhere, unitId] = subtreeSql(unit, 'p', 'grid_id');
  const workers = await ctx.em.execute<WorkerRow[]>(
    `select p.grid_worker_id, sum(p.required_count)::int as required, sum(least(p.done_count, p.required_count))::int as done,
            sum(floor(p.required_count * ?))::int as expected
       from patrol_plan_progress p
      where p.month = ? and ${planWhere}
      group by p.grid_worker_id
      order by p.grid_worker_id`,
    [elapsedShare(month, ctx.clock.now()), month.firstDay, unitId],
  );
  const behind = workers.filter((w) => w.done < w.expected).sort((a, b) => b.expected - b.done - (a.expected - a.done) || a.grid_worker_id - b.grid_worker_id);
  const required = workers.reduce((n, w) => n + w.required, 0);
  const done = workers.reduce((n, w) => n + w.done, 0);

  return Object.assign(new Coverage(), {
    unit,
    month: month.label,
    gridCount: staffing.length,
    gapCount: gaps.length,
    gaps: gaps.slice(0, first).map((s) => Object.assign(new CoverageGap(), { gridId: s.grid_id, officers: s.officers, gridWorkers: s.grid_workers })),
    plannedWorkers: workers.length,
    behindCount: behind.length,
    workersBehind: behind
      .slice(0, first)
      .map((w) => Object.assign(new PatrolWorkerProgress(), { gridWorkerId: w.grid_worker_id, required: w.required, done: w.done, expected: w.expected })),
    requiredPatrols: required,
    donePatrols: done,
    completionRate: required ? Math.round((done / required) * 10_000) / 10_000 : null,
  });
}
