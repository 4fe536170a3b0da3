import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { SensitivePeriod } from './sensitive-period.entity';
import { SensitivePeriodFilter, SensitivePeriodInput } from './sensitive-period.inputs';
import { patrolFactorFor, sensitivePeriodService } from './sensitive-period.service';

const SensitivePeriodConnection = ConnectionType(SensitivePeriod, 'SensitivePeriod');

@Resolver(() => SensitivePeriod)
export class SensitivePeriodResolver {
  @Query(() => SensitivePeriod, { nullable: true, description: '按 ID 查重大活动/敏感时期' })
  @Requires('read', 'SensitivePeriod')
  sensitivePeriod(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<SensitivePeriod> {
    return sensitivePeriodService.byId(ctx, id);
  }

  @Query(() => SensitivePeriodConnection, { description: '重大活动/敏感时期 (本市, 本县区及下级定义的), 开始晚的在前' })
  @Requires('read', 'SensitivePeriod')
  sensitivePeriods(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => SensitivePeriodFilter, { nullable: true }) filter?: SensitivePeriodFilter,
  ) {
    return sensitivePeriodService.list(ctx, filter, page);
  }

  @Mutation(() => SensitivePeriod, { description: '设定重大活动/敏感时期 (市环保局: 全市; 县区环保局: 本县区)' })
  @Requires('create', 'SensitivePeriod')
  createSensitivePeriod(@Ctx() ctx: RequestContext, @Arg('input', () => SensitivePeriodInput) input: SensitivePeriodInput) {
    return sensitivePeriodService.create(ctx, input);
  }

  @Mutation(() => SensitivePeriod, { description: '修改或撤销 (active: false) 重大活动/敏感时期' })
  @Requires('update', 'SensitivePeriod')
  updateSensitivePeriod(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => SensitivePeriodInput) input: SensitivePeriodInput,
    @Arg('active', () => Boolean, { defaultValue: true, description: '否: 撤销' }) active: boolean,
  ) {
    return sensitivePeriodService.update(ctx, id, version, input, active);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '设定单位' })
  unit(@Ctx() ctx: RequestContext, @Root() period: SensitivePeriod): Promise<Grid | null> {
    return loadVisible(ctx, Grid, period.unitId);
  }

  @FieldResolver(() => [Grid], { description: '适用单位 (及其下级; 只列出可见的)' })
  units(@Ctx() ctx: RequestContext, @Root() period: SensitivePeriod): Promise<Grid[]> {
    return sensitivePeriodService.units(ctx, period);
  }
}

@Resolver(() => Grid)
export class GridPatrolFactorResolver {
  @FieldResolver(() => Float, { description: '该日的巡查频次倍数 (覆盖本网格的有效敏感时期中最大者, 无则为 1)' })
  patrolFactor(@Ctx() ctx: RequestContext, @Root() grid: Grid, @Arg('day', () => String, { description: 'yyyy-mm-dd' }) day: string): Promise<number> {
    return patrolFactorFor(ctx, grid.id, day);
  }
}
