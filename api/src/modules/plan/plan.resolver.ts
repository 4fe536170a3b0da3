import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ChildConnectionArgs, ChildPage, ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadChildren, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { Officer } from '../person/officer.entity';
import { EnforcementPlan } from './plan.entity';
import { CreatePlanInput, CreateTaskInput, PlanFilter, TaskFilter } from './plan.inputs';
import { planService, taskService, type Progress } from './plan.service';
import { WorkTask } from './task.entity';

const PlanConnection = ConnectionType(EnforcementPlan, 'EnforcementPlan');
const TaskConnection = ConnectionType(WorkTask, 'WorkTask');

@ObjectType('TaskProgress', { description: '完成情况' })
class TaskProgress {
  @Field(() => Int, { description: '任务数 (不含已撤销)' })
  total!: number;

  @Field(() => Int, { description: '已完成' })
  done!: number;

  @Field(() => Float, { nullable: true, description: '完成率 (无任务时为空)' })
  rate!: number | null;
}

const progressView = (p: Progress): TaskProgress => ({ ...p, rate: p.total ? p.done / p.total : null });

@Resolver(() => EnforcementPlan)
export class PlanResolver {
  @Query(() => EnforcementPlan, { description: '按 ID 查执法计划' })
  @Requires('read', 'EnforcementPlan')
  enforcementPlan(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return planService.byId(ctx, id);
  }

  @Query(() => PlanConnection, { description: '执法计划 (本单位及下级, 以及上级单位的计划)' })
  @Requires('read', 'EnforcementPlan')
  enforcementPlans(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs, @Arg('filter', () => PlanFilter, { nullable: true }) filter?: PlanFilter) {
    return planService.list(ctx, filter, page);
  }

  @Mutation(() => EnforcementPlan, { description: '制定执法计划 (年度/月度)' })
  @Requires('create', 'EnforcementPlan')
  createEnforcementPlan(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePlanInput) input: CreatePlanInput) {
    return planService.create(ctx, input);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '制定单位' })
  unit(@Ctx() ctx: RequestContext, @Root() plan: EnforcementPlan) {
    return loadVisible(ctx, Grid, plan.unitId);
  }

  @FieldResolver(() => TaskConnection, { description: '计划任务 (顶层, 本辖区内可见的)' })
  tasks(@Ctx() ctx: RequestContext, @Root() plan: EnforcementPlan, @ChildPage() page: ChildConnectionArgs) {
    return planService.tasks(ctx, plan, page);
  }

  @FieldResolver(() => TaskProgress, { description: '计划完成情况 = 计划任务的完成情况' })
  async progress(@Ctx() ctx: RequestContext, @Root() plan: EnforcementPlan) {
    return progressView(await planService.progress(ctx, plan));
  }
}

@Resolver(() => WorkTask)
export class TaskResolver {
  @Query(() => WorkTask, { description: '按 ID 查任务' })
  @Requires('read', 'WorkTask')
  task(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return taskService.byId(ctx, id);
  }

  @Query(() => TaskConnection, { description: '任务 (本辖区内)' })
  @Requires('read', 'WorkTask')
  tasks(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs, @Arg('filter', () => TaskFilter, { nullable: true }) filter?: TaskFilter) {
    return taskService.list(ctx, filter, page);
  }

  @Mutation(() => WorkTask, { description: '交办任务, 或分解为子任务' })
  @Requires('create', 'WorkTask')
  createTask(@Ctx() ctx: RequestContext, @Arg('input', () => CreateTaskInput) input: CreateTaskInput) {
    return taskService.create(ctx, input);
  }

  @Mutation(() => WorkTask, { description: '办结任务 (子任务须先全部办结)' })
  @Requires('update', 'WorkTask')
  completeTask(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('result', () => String, { nullable: true }) result?: string) {
    return taskService.complete(ctx, id, result);
  }

  @Mutation(() => WorkTask, { description: '撤销任务 (连同未办结的子任务)' })
  @Requires('deactivate', 'WorkTask')
  cancelTask(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return taskService.cancel(ctx, id);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return loadVisible(ctx, Grid, task.gridId);
  }

  @FieldResolver(() => EnforcementPlan, { nullable: true })
  plan(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return loadVisible(ctx, EnforcementPlan, task.planId);
  }

  @FieldResolver(() => WorkTask, { nullable: true, description: '上级任务' })
  parent(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return loadVisible(ctx, WorkTask, task.parentId);
  }

  @FieldResolver(() => [WorkTask], { description: '子任务 (本辖区内可见的)' })
  subtasks(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return loadChildren(ctx, WorkTask, 'parentId', task.id);
  }

  @FieldResolver(() => Officer, { nullable: true, description: '执法人员' })
  officer(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return loadVisible(ctx, Officer, task.officerId);
  }

  @FieldResolver(() => GridWorker, { nullable: true, description: '环保网格员' })
  gridWorker(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return loadVisible(ctx, GridWorker, task.gridWorkerId);
  }

  @FieldResolver(() => Boolean, { description: '是否超期未完成' })
  overdue(@Ctx() ctx: RequestContext, @Root() task: WorkTask): boolean {
    return taskService.overdue(ctx, task);
  }

  @FieldResolver(() => TaskProgress, { description: '子任务完成情况' })
  async progress(@Ctx() ctx: RequestContext, @Root() task: WorkTask) {
    return progressView(await taskService.progress(ctx, task));
  }
}
