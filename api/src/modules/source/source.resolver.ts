import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ChildConnectionArgs, ChildPage, ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { GeoPoint, Grid } from '../grid/grid.entity';
import { PollutionSourceChange } from './source-change.entity';
import { PollutionSource } from './source.entity';
import { SupervisionLevel } from './source.enums';
import { CreateSourceInput, SourceFilter, SourceOrder, UpdateSourceInput } from './source.inputs';
import { sourceService } from './source.service';

export const SourceConnection = ConnectionType(PollutionSource, 'PollutionSource');
const SourceChangeConnection = ConnectionType(PollutionSourceChange, 'PollutionSourceChange');

@Resolver(() => PollutionSource)
export class SourceResolver {
  @Query(() => PollutionSource, { nullable: true, description: '按 ID 查污染源' })
  @Requires('read', 'PollutionSource')
  source(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<PollutionSource> {
    return sourceService.byId(ctx, id);
  }

  @Query(() => SourceConnection, { description: '污染源档案列表 (本辖区内)' })
  @Requires('read', 'PollutionSource')
  sources(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => SourceFilter, { nullable: true }) filter: SourceFilter | undefined,
    @Arg('orderBy', () => SourceOrder, { nullable: true, defaultValue: SourceOrder.ID_ASC }) orderBy: SourceOrder | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    return sourceService.list(ctx, filter, orderBy, page, info);
  }

  @Query(() => SourceConnection, { description: '待确认的新报污染源 (本辖区或所给网格及其下级), 先报的在前' })
  @Requires('read', 'PollutionSource')
  pendingSources(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('withinId', () => ID, { nullable: true, description: '该网格及其下级' }) withinId?: string,
  ) {
    return sourceService.pending(ctx, withinId, page);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所在网格' })
  grid(@Ctx() ctx: RequestContext, @Root() source: PollutionSource): Promise<Grid | null> {
    return loadVisible(ctx, Grid, source.gridId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置' })
  location(@Root() source: PollutionSource): GeoPoint | null {
    return source.lng == null || source.lat == null ? null : { lng: source.lng, lat: source.lat };
  }

  @FieldResolver(() => SourceChangeConnection, { description: '档案变更历史, 新的在前' })
  history(@Ctx() ctx: RequestContext, @Root() source: PollutionSource, @ChildPage() page: ChildConnectionArgs) {
    return sourceService.history(ctx, source, page);
  }

  @Mutation(() => PollutionSource, { description: '新建污染源 (网格员上报为待确认)' })
  @Requires('create', 'PollutionSource')
  createSource(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSourceInput) input: CreateSourceInput) {
    return sourceService.create(ctx, input);
  }

  @Mutation(() => PollutionSource, { description: '修改污染源档案 (version: 读取时的版本, 期间被他人修改则 CONFLICT)' })
  @Requires('update', 'PollutionSource')
  updateSource(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateSourceInput) input: UpdateSourceInput,
  ) {
    return sourceService.update(ctx, id, version, input);
  }

  @Mutation(() => PollutionSource, { description: '确认网格员新报的污染源 (待确认 → 在产), 可同时定监管等级' })
  @Requires('confirm', 'PollutionSource')
  confirmSource(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('supervisionLevel', () => SupervisionLevel, { nullable: true }) supervisionLevel?: SupervisionLevel,
  ) {
    return sourceService.confirm(ctx, id, version, supervisionLevel);
  }

  @Mutation(() => PollutionSource, { description: '不予确认网格员新报的污染源 (待确认 → 不予确认), 须说明原因' })
  @Requires('confirm', 'PollutionSource')
  rejectSource(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String) reason: string,
  ) {
    return sourceService.reject(ctx, id, version, reason);
  }

  @Mutation(() => PollutionSource, { description: '注销污染源 (状态改为关闭, 档案保留)' })
  @Requires('deactivate', 'PollutionSource')
  deactivateSource(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return sourceService.deactivate(ctx, id);
  }
}

@Resolver(() => Grid)
export class GridSourcesResolver {
  @FieldResolver(() => SourceConnection, { description: '本网格的污染源' })
  sources(@Ctx() ctx: RequestContext, @Root() grid: Grid, @ChildPage() page: ChildConnectionArgs, @Info() info: GraphQLResolveInfo) {
    return sourceService.onGrid(ctx, grid, page, info);
  }
}
