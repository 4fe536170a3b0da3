import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type ChildConnectionArgs, type Connection, type ConnectionArgs } from '../../common/connection';
import { childConnection } from '../../data/nested-connection';
import { BadInputError, ConflictError, ForbiddenError } from '../../common/errors';
import { fromGlobalId } from '../../common/global-id';
import { assertCan, assertPermittedFields, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { GridWorker } from '../person/grid-worker.entity';
import { Officer } from '../person/officer.entity';
import { PlanKind, TaskOrigin, TaskStatus } from './plan.enums';
import { EnforcementPlan } from './plan.entity';
import type { CreatePlanInput, CreateTaskInput, PlanFilter, TaskFilter } from './plan.inputs';
import { accountPeople, taskCounts } from './plan.sql';
import { WorkTask } from './task.entity';

export interface Progress {
  total: number;
  done: number;
}

/** Whether `grid` lies in the subtree of `root` (itself included). */
function within(root: Grid, grid: Grid): boolean {
  const key = { CITY: grid.cityId, COUNTY: grid.countyId, TOWNSHIP: grid.townshipId, VILLAGE: grid.id }[root.level];
  return key === root.id;
}

/** Counts of tasks (not cancelled) and done tasks per parent key, batched per request. */
function progressBy(ctx: RequestContext, column: 'plan_id' | 'parent_id', id: number): Promise<Progress> {
  const loader = ctx.loaders.get<number, Progress>(`WorkTask.progress.${column}`, async (ids) => {
    const rows = await taskCounts(ctx, column, ids);
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, done: r.done }]));
    return ids.map((key) => byKey.get(key) ?? { total: 0, done: 0 });
  });
  return loader.load(id);
}

/**
 * An assignee must be attached to the task's grid or to its township (what their territory
 * reaches): a task given to someone who cannot see it would never be done.
 */
async function assertReaches(ctx: RequestContext, grid: Grid, officer: Officer | null, gridWorker: GridWorker | null): Promise<void> {
  const reach = [grid.id, grid.townshipId ?? grid.id];
  const checks: [string, string, number | undefined, string][] = [
    ['officerId', 'officer_grid', officer?.id, 'officer_id'],
    ['gridWorkerId', 'grid_worker_grid', gridWorker?.id, 'grid_worker_id'],
  ];
  for (const [field, pivot, personId, column] of checks) {
    if (personId == null) continue;
    const rows = await ctx.em.execute<{ ok: boolean }[]>(
      `select exists (select 1 from ${pivot} where ${column} = ? and grid_id in (?, ?)) as ok`,
      [personId, reach[0], reach[1]],
    );
    if (!rows[0]?.ok) throw new BadInputError('The person is not attached to this grid or its township', [{ field, message: 'not on this grid' }]);
  }
}

/** The caller's own officer and grid-worker records (an account stands for at most one of each). */
async function myPeople(ctx: RequestContext): Promise<{ officerId: number | null; gridWorkerId: number | null }> {
  const [row] = await accountPeople(ctx, ctx.principal?.accountId ?? null);
  return { officerId: row?.officer_id ?? null, gridWorkerId: row?.grid_worker_id ?? null };
}

export const planService = {
  byId: (ctx: RequestContext, id: string): Promise<EnforcementPlan> => findVisible(ctx, EnforcementPlan, id),

  async list(ctx: RequestContext, filter: PlanFilter = {}, args: ConnectionArgs): Promise<Connection<EnforcementPlan>> {
    const where: FilterQuery<EnforcementPlan>[] = [];
    if (filter.year) where.push({ year: filter.year });
    if (filter.kind) where.push({ kind: filter.kind });
    if (filter.unitId) where.push({ unitId: fromGlobalId('Grid', filter.unitId) });
    return paginate(ctx.em, EnforcementPlan, { $and: where }, [{ year: 'desc' }, { id: 'desc' }], args);
  },

  async create(ctx: RequestContext, input: CreatePlanInput): Promise<EnforcementPlan> {
    if ((input.kind === PlanKind.MONTHLY) !== (input.month != null)) {
      throw new BadInputError('A monthly plan names its month; an annual plan does not', [{ field: 'month', message: 'month goes with MONTHLY only' }]);
    }
    const unit = input.unitId ? await findVisible(ctx, Grid, input.unitId) : await findVisibleById(ctx, Grid, ctx.principal?.unitId ?? 0);
    const plan = Object.assign(new EnforcementPlan(), {
      ...unit.scope,
      unitId: unit.id,
      kind: input.kind,
      year: input.year,
      month: input.month ?? null,
      title: input.title,
      description: input.description ?? null,
      createdById: ctx.principal?.accountId ?? null,
    });
    assertCan(ctx, 'create', plan);
    await ctx.em.persistAndFlush(plan);
    return plan;
  },

  /** The plan's own lines (subtasks hang below them), batched over a page of plans. */
  tasks: (ctx: RequestContext, plan: EnforcementPlan, args: ChildConnectionArgs): Promise<Connection<WorkTask>> =>
    childConnection(ctx, { entity: WorkTask, subject: 'WorkTask', property: 'planId', column: 'plan_id', order: 'asc' }, plan.id, args, { filter: { parentId: null } }),

  /** Completion of a plan = its tasks' completion (cancelled tasks left out). */
  progress: (ctx: RequestContext, plan: EnforcementPlan): Promise<Progress> => progressBy(ctx, 'plan_id', plan.id),
};

export const taskService = {
  byId: (ctx: RequestContext, id: string): Promise<WorkTask> => findVisible(ctx, WorkTask, id),

  async list(ctx: RequestContext, filter: TaskFilter = {}, args: ConnectionArgs): Promise<Connection<WorkTask>> {
    const where: FilterQuery<WorkTask>[] = [];
    if (filter.planId) where.push({ planId: fromGlobalId('EnforcementPlan', filter.planId) });
    if (filter.withinId) where.push(subtreeOf<WorkTask>(await findVisible(ctx, Grid, filter.withinId), 'gridId'));
    if (filter.origin) where.push({ origin: filter.origin });
    if (filter.status) where.push({ status: filter.status });
    if (filter.topLevel) where.push({ parentId: null });
    if (filter.assignedToMe) {
      const me = await myPeople(ctx);
      where.push({ $or: [{ officerId: me.officerId ?? 0 }, { gridWorkerId: me.gridWorkerId ?? 0 }] });
    }
    const now = ctx.clock.now();
    if (filter.overdue === true) where.push({ status: TaskStatus.OPEN, dueAt: { $lt: now } });
    if (filter.overdue === false) where.push({ $or: [{ status: { $ne: TaskStatus.OPEN } }, { dueAt: null }, { dueAt: { $gte: now } }] });
    return paginate(ctx.em, WorkTask, { $and: where }, [{ id: 'asc' }], args);
  },

  /**
   * 交办/分解: a plan line, a non-planned task with its deadline, or a subtask of a task the
   * caller sees, on a grid below the parent's and due no later than it.
   */
  async create(ctx: RequestContext, input: CreateTaskInput): Promise<WorkTask> {
    const grid = await findVisible(ctx, Grid, input.gridId);
    const parent = input.parentId ? await findVisible(ctx, WorkTask, input.parentId) : null;
    const plan = input.planId ? await findVisible(ctx, EnforcementPlan, input.planId) : null;
    const dueAt = input.dueAt ?? parent?.dueAt ?? null;
    let origin = input.origin ?? (plan ? TaskOrigin.PLANNED : undefined);
    if (parent) {
      if (plan && plan.id !== parent.planId) throw new BadInputError('A subtask belongs to its parent task\'s plan', [{ field: 'planId', message: 'differs from the parent' }]);
      if (input.origin && input.origin !== parent.origin) throw new BadInputError('A subtask keeps its parent task\'s origin', [{ field: 'origin', message: 'differs from the parent' }]);
      origin = parent.origin;
      if (!within(await findVisibleById(ctx, Grid, parent.gridId), grid)) {
        throw new BadInputError('A subtask goes to the parent task\'s grid or a grid below it', [{ field: 'gridId', message: 'outside the parent task\'s grid' }]);
      }
      if (parent.dueAt && dueAt && dueAt > parent.dueAt) throw new BadInputError('A subtask is due no later than its parent task', [{ field: 'dueAt', message: 'after the parent task\'s deadline' }]);
      if (parent.status !== TaskStatus.OPEN) throw new ConflictError('The parent task is no longer open', { status: parent.status });
    } else if (plan) {
      // Adding a line to a plan is editing the plan.
      assertCan(ctx, 'update', plan);
      if (origin !== TaskOrigin.PLANNED) throw new BadInputError('Tasks of a plan are PLANNED', [{ field: 'origin', message: 'must be PLANNED' }]);
    } else if (!origin || origin === TaskOrigin.PLANNED) {
      throw new BadInputError('A task outside a plan names its origin (INSTRUCTION, COMPLAINT, TRANSFER)', [{ field: 'origin', message: 'required' }]);
    }
    if (origin !== TaskOrigin.PLANNED && !dueAt) throw new BadInputError('A non-planned task has a deadline', [{ field: 'dueAt', message: 'required' }]);
    const officer = input.officerId ? await findVisible(ctx, Officer, input.officerId) : null;
    const gridWorker = input.gridWorkerId ? await findVisible(ctx, GridWorker, input.gridWorkerId) : null;
    await assertReaches(ctx, grid, officer, gridWorker);
    const task = Object.assign(new WorkTask(), {
      ...grid.scope,
      gridId: grid.id,
      planId: parent?.planId ?? plan?.id ?? null,
      parentId: parent?.id ?? null,
      origin,
      title: input.title,
      description: input.description ?? null,
      officerId: officer?.id ?? null,
      gridWorkerId: gridWorker?.id ?? null,
      dueAt,
      issuedByUnitId: ctx.principal?.unitId,
      createdById: ctx.principal?.accountId ?? null,
    });
    assertCan(ctx, 'create', task);
    await ctx.em.persistAndFlush(task);
    return task;
  },

  /** 办结: by a planner or whoever works the task's grid; not while subtasks are open. */
  async complete(ctx: RequestContext, id: string, result?: string | null): Promise<WorkTask> {
    const task = await findVisible(ctx, WorkTask, id);
    assertCan(ctx, 'update', task);
    assertPermittedFields(ctx, 'update', task, { status: TaskStatus.DONE, result });
    if (task.status !== TaskStatus.OPEN) throw new ConflictError(`The task is ${task.status}, not open`, { status: task.status });
    const open = await ctx.em.count(WorkTask, { parentId: task.id, status: TaskStatus.OPEN });
    if (open) throw new ConflictError(`${open} subtask(s) are still open`, { openSubtasks: open });
    Object.assign(task, { status: TaskStatus.DONE, result: result ?? null, completedAt: ctx.clock.now() });
    await ctx.em.flush();
    return task;
  },

  /** 撤销: planners only; open subtasks go with it. */
  async cancel(ctx: RequestContext, id: string): Promise<WorkTask> {
    const task = await findVisible(ctx, WorkTask, id);
    assertCan(ctx, 'deactivate', task);
    if (task.status !== TaskStatus.OPEN) throw new ConflictError(`The task is ${task.status}, not open`, { status: task.status });
    task.status = TaskStatus.CANCELLED;
    const subtasks = await ctx.em.find(WorkTask, { parentId: task.id, status: TaskStatus.OPEN });
    for (const sub of subtasks) {
      if (!ctx.ability.can('deactivate', sub)) throw new ForbiddenError('A subtask outside your territory is still open');
      sub.status = TaskStatus.CANCELLED;
    }
    await ctx.em.flush();
    return task;
  },

  progress: (ctx: RequestContext, task: WorkTask): Promise<Progress> => progressBy(ctx, 'parent_id', task.id),

  overdue: (ctx: RequestContext, task: WorkTask): boolean => task.status === TaskStatus.OPEN && task.dueAt != null && task.dueAt < ctx.clock.now(),
};
