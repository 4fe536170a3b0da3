import { Arg, Args, Ctx, FieldResolver, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { GeoPoint, Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { PatrolCheckIn } from './patrol-check-in.entity';
import { PatrolPlan } from './patrol-plan.entity';
import { PatrolRule } from './patrol-rule.entity';
import { CheckInInput, PatrolCheckInFilter, PatrolPlanFilter, SetPatrolRuleInput } from './patrol.inputs';
import { patrolService } from './patrol.service';

const PatrolPlanConnection = ConnectionType(PatrolPlan, 'PatrolPlan');
const PatrolCheckInConnection = ConnectionType(PatrolCheckIn, 'PatrolCheckIn');

@ObjectType('PatrolPlanGeneration', { description: '巡查计划生成结果' })
class PatrolPlanGeneration {
  @Field(() => String)
  month!: string;

  @Field(() => Int, { description: '本单位本月计划数' })
  plans!: number;

  @Field(() => Int, { description: '新建' })
  created!: number;

  @Field(() => Int, { description: '已存在, 按规则更新' })
  updated!: number;
}

@Resolver(() => PatrolPlan)
export class PatrolResolver {
  @Query(() => [PatrolRule], { description: '巡查频次规则 (全市)' })
  @Requires('read', 'PatrolRule')
  patrolRules(@Ctx() ctx: RequestContext) {
    return patrolService.rules(ctx);
  }

  @Mutation(() => PatrolRule, { description: '设置巡查频次规则 (市级)' })
  @Requires('update', 'PatrolRule')
  setPatrolRule(@Ctx() ctx: RequestContext, @Arg('input', () => SetPatrolRuleInput) input: SetPatrolRuleInput) {
    return patrolService.setRule(ctx, input);
  }

  @Mutation(() => PatrolPlanGeneration, { description: '生成月度巡查计划 (本单位或 withinId; 可重复执行, 结果相同)' })
  @Requires('create', 'PatrolPlan')
  generatePatrolPlans(
    @Ctx() ctx: RequestContext,
    @Arg('month', () => String, { description: 'YYYY-MM' }) month: string,
    @Arg('withinId', () => ID, { nullable: true }) withinId?: string,
  ) {
    return patrolService.generate(ctx, month, withinId);
  }

  @Query(() => String, { nullable: true, description: '本辖区有巡查计划的最近月份 (不晚于本月, YYYY-MM; 无计划为空): 月度页面默认打开的月份' })
  @Requires('read', 'PatrolPlan')
  latestPatrolPlanMonth(@Ctx() ctx: RequestContext) {
    return patrolService.latestPlanMonth(ctx);
  }

  @Query(() => PatrolPlanConnection, { description: '月度巡查计划 (本辖区内)' })
  @Requires('read', 'PatrolPlan')
  patrolPlans(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs, @Arg('filter', () => PatrolPlanFilter) filter: PatrolPlanFilter) {
    return patrolService.plans(ctx, filter, page);
  }

  @FieldResolver(() => String, { description: '月份 YYYY-MM' })
  month(@Root() plan: PatrolPlan): string {
    return patrolService.monthLabel(plan);
  }

  @FieldResolver(() => GridWorker, { nullable: true })
  gridWorker(@Ctx() ctx: RequestContext, @Root() plan: PatrolPlan) {
    return loadVisible(ctx, GridWorker, plan.gridWorkerId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Ctx() ctx: RequestContext, @Root() plan: PatrolPlan) {
    return loadVisible(ctx, Grid, plan.gridId);
  }

  @FieldResolver(() => Int, { description: '已巡查次数 (网格内打卡的不同日期数)' })
  doneCount(@Ctx() ctx: RequestContext, @Root() plan: PatrolPlan) {
    return patrolService.doneCount(ctx, plan);
  }

  @FieldResolver(() => Int, { description: '按已过时间应完成的次数' })
  expectedCount(@Ctx() ctx: RequestContext, @Root() plan: PatrolPlan): number {
    return patrolService.expected(ctx, plan);
  }

  @FieldResolver(() => Float, { description: '完成率 (0-1, 超出计划按 1 计)' })
  async completionRate(@Ctx() ctx: RequestContext, @Root() plan: PatrolPlan): Promise<number> {
    if (!plan.requiredCount) return 1;
    return Math.min(1, (await patrolService.doneCount(ctx, plan)) / plan.requiredCount);
  }
}

@Resolver(() => PatrolCheckIn)
export class PatrolCheckInResolver {
  @Mutation(() => PatrolCheckIn, { description: '巡查打卡 (网格员); 网格边界外的打卡照样记录并标记' })
  @Requires('create', 'PatrolCheckIn')
  checkIn(@Ctx() ctx: RequestContext, @Arg('input', () => CheckInInput) input: CheckInInput) {
    return patrolService.checkIn(ctx, input);
  }

  @Query(() => PatrolCheckInConnection, { description: '巡查打卡记录 (本辖区内, 新的在前)' })
  @Requires('read', 'PatrolCheckIn')
  patrolCheckIns(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PatrolCheckInFilter, { nullable: true }) filter?: PatrolCheckInFilter,
  ) {
    return patrolService.checkIns(ctx, filter, page);
  }

  @FieldResolver(() => GridWorker, { nullable: true })
  gridWorker(@Ctx() ctx: RequestContext, @Root() checkIn: PatrolCheckIn) {
    return loadVisible(ctx, GridWorker, checkIn.gridWorkerId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Ctx() ctx: RequestContext, @Root() checkIn: PatrolCheckIn) {
    return loadVisible(ctx, Grid, checkIn.gridId);
  }

  @FieldResolver(() => GeoPoint, { description: '打卡位置' })
  location(@Root() checkIn: PatrolCheckIn): GeoPoint {
    return { lng: checkIn.lng, lat: checkIn.lat };
  }
}
