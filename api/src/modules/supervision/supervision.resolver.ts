import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadChildren, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Account } from '../account/account.entity';
import { AuditRecommendation } from '../audit/audit.entity';
import { Case } from '../case/case.entity';
import { Department } from '../department/department.entity';
import { Grid } from '../grid/grid.entity';
import { Officer } from '../person/officer.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { WorkTask } from '../plan/task.entity';
import { alertService } from './alert.service';
import { CaseAlert } from './case-alert.entity';
import { AcknowledgeAlertInput, AlertFilter } from './supervision.inputs';
import { LateCaseNotice, SweepResult } from './supervision.types';
import { sweepOnDemand } from './deadline-sweep.service';

const AlertConnection = ConnectionType(CaseAlert, 'Alert');

@Resolver(() => Case)
export class CaseAlertsResolver {
  @FieldResolver(() => [CaseAlert], { description: '催办、督办、通报记录' })
  alerts(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<CaseAlert[]> {
    return loadChildren(ctx, CaseAlert, 'caseId', kase.id);
  }
}

@Resolver(() => CaseAlert)
export class AlertResolver {
  @Query(() => AlertConnection, { description: '提醒收件箱: 本单位及下级的催办、督办、通报 (案件、任务、督查整改意见), 新的在前' })
  @Requires('read', 'CaseAlert')
  alerts(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AlertFilter, { nullable: true }) filter?: AlertFilter,
  ) {
    return alertService.list(ctx, filter, page);
  }

  @Query(() => Int, { description: '本人未读提醒数 (角标)' })
  @Requires('read', 'CaseAlert')
  unreadAlertCount(@Ctx() ctx: RequestContext, @Arg('filter', () => AlertFilter, { nullable: true }) filter?: AlertFilter) {
    return alertService.unreadCount(ctx, filter);
  }

  @Query(() => LateCaseNotice, { description: '超时案件通报: 期间 [from, to) 内超过时限的案件, 按办理单位 (默认本单位)' })
  @Requires('read', 'CaseAlert')
  lateCaseNotice(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
  ) {
    return alertService.lateCaseNotice(ctx, from, to, unitId);
  }

  @Mutation(() => [CaseAlert], { description: '标记提醒为本人已读 (幂等)' })
  @Requires('update', 'CaseAlert')
  markAlertsRead(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    return alertService.markRead(ctx, ids);
  }

  @Mutation(() => CaseAlert, { description: '签收提醒 (幂等: 已签收的保持原签收人和时间)' })
  @Requires('update', 'CaseAlert')
  acknowledgeAlert(@Ctx() ctx: RequestContext, @Arg('input', () => AcknowledgeAlertInput) input: AcknowledgeAlertInput) {
    return alertService.acknowledge(ctx, input);
  }

  @FieldResolver(() => Case, { nullable: true, description: '案件 (对象为案件时)' })
  case(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, Case, alert.caseId);
  }

  @FieldResolver(() => WorkTask, { nullable: true, description: '任务 (对象为任务时)' })
  task(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, WorkTask, alert.taskId);
  }

  @FieldResolver(() => AuditRecommendation, { nullable: true, description: '督查整改意见 (对象为整改意见时)' })
  recommendation(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, AuditRecommendation, alert.recommendationId);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '提醒的单位' })
  unit(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, Grid, alert.handlingUnitId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '牵头部门' })
  leadDepartment(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, Department, alert.leadDepartmentId);
  }

  @FieldResolver(() => Officer, { nullable: true, description: '提醒的执法人员 (任务)' })
  officer(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, Officer, alert.officerId);
  }

  @FieldResolver(() => GridWorker, { nullable: true, description: '提醒的网格员 (任务)' })
  gridWorker(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, GridWorker, alert.gridWorkerId);
  }

  @FieldResolver(() => Date, { nullable: true, description: '本人阅读时间 (未读为空)' })
  readAt(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return alertService.readAt(ctx, alert);
  }

  @FieldResolver(() => Account, { nullable: true, description: '签收人' })
  acknowledgedBy(@Ctx() ctx: RequestContext, @Root() alert: CaseAlert) {
    return loadVisible(ctx, Account, alert.acknowledgedById);
  }
}

@Resolver()
export class DeadlineSweepResolver {
  @Mutation(() => SweepResult, { description: '立即执行时限巡检 (催办、督办、通报、无平台超时自动上报), 与定时巡检不重复' })
  @Requires('create', 'CaseAlert')
  runDeadlineSweep(@Ctx() ctx: RequestContext): Promise<SweepResult> {
    return sweepOnDemand(ctx);
  }
}
