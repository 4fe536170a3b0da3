import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ChildConnectionArgs, ChildPage, ConnectionArgs, ConnectionType, PageSize } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { GeoPoint, Grid } from '../grid/grid.entity';
import { PollutionSource } from '../source/source.entity';
import { CaseCategory } from '../department/case-category.entity';
import { CaseEvent } from './case-event.entity';
import { CaseEventFeed, caseEventFeed } from './case-feed.service';
import { Case } from './case.entity';
import { CaseFilter, CaseOrder, ReportCaseInput } from './case.inputs';
import { caseService } from './case.service';

const CaseConnection = ConnectionType(Case, 'Case');
const CaseEventConnection = ConnectionType(CaseEvent, 'CaseEvent');

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: '按 ID 查案件' })
  @Requires('read', 'Case')
  case(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<Case> {
    return caseService.byId(ctx, id, info);
  }

  @Query(() => CaseConnection, { description: '案件列表 (本辖区内)' })
  @Requires('read', 'Case')
  cases(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter: CaseFilter | undefined,
    @Arg('orderBy', () => CaseOrder, { nullable: true, defaultValue: CaseOrder.REPORTED_DESC }) orderBy: CaseOrder | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    return caseService.list(ctx, filter, orderBy, page, info);
  }

  @Query(() => [CaseCategory], { description: '案件类别 (全市统一)' })
  @Requires('read', 'CaseCategory')
  caseCategories(@Ctx() ctx: RequestContext): Promise<CaseCategory[]> {
    return ctx.em.find(CaseCategory, { active: true }, { orderBy: { id: 'asc' } });
  }

  @Query(() => CaseEventFeed, { description: '案件流转变更流 (第三方增量同步): 按提交顺序, 不漏不重' })
  @Requires('read', 'CaseEvent')
  caseEvents(
    @Ctx() ctx: RequestContext,
    @Arg('after', () => String, { nullable: true, description: '上次返回的 endCursor' }) after: string | null,
    @Arg('unit', () => ID, { nullable: true, description: '该单位及其下级' }) unit: string | null,
    @PageSize(100, 500, '每页条数 (1-500)') first: number,
  ): Promise<CaseEventFeed> {
    return caseEventFeed(ctx, after ?? null, unit ?? null, first);
  }

  @Query(() => String, { nullable: true, description: '本辖区有案件上报的最近月份 (不晚于本月, YYYY-MM; 无案件为空): 考核等月度页面默认打开的月份' })
  @Requires('read', 'Case')
  latestCaseMonth(@Ctx() ctx: RequestContext) {
    return caseService.latestMonth(ctx);
  }

  @Mutation(() => Case, { description: '信息采集: 上报案件' })
  @Requires('create', 'Case')
  reportCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReportCaseInput) input: ReportCaseInput): Promise<Case> {
    return caseService.report(ctx, input);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<Grid | null> {
    return loadVisible(ctx, Grid, kase.gridId);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所在县区' })
  county(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<Grid | null> {
    return loadVisible(ctx, Grid, kase.countyId);
  }

  @FieldResolver(() => CaseCategory)
  category(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<CaseCategory | null> {
    const loader = ctx.loaders.get<number, CaseCategory | null>('CaseCategory.byId', async (ids) => {
      const rows = await ctx.em.find(CaseCategory, { id: { $in: [...ids] } });
      return ids.map((id) => rows.find((c) => c.id === id) ?? null);
    });
    return loader.load(kase.categoryId);
  }

  @FieldResolver(() => PollutionSource, { nullable: true, description: '涉及的污染源' })
  source(@Ctx() ctx: RequestContext, @Root() kase: Case): Promise<PollutionSource | null> {
    return loadVisible(ctx, PollutionSource, kase.sourceId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() kase: Case): GeoPoint | null {
    return kase.lng == null || kase.lat == null ? null : { lng: kase.lng, lat: kase.lat };
  }

  @FieldResolver(() => String, { nullable: true, description: '投诉人姓名 (敏感信息)' })
  complainantName(@Ctx() ctx: RequestContext, @Root() kase: Case): string | null {
    return caseService.sensitive(ctx, kase, 'complainantName');
  }

  @FieldResolver(() => String, { nullable: true, description: '投诉人电话 (敏感信息)' })
  complainantPhone(@Ctx() ctx: RequestContext, @Root() kase: Case): string | null {
    return caseService.sensitive(ctx, kase, 'complainantPhone');
  }

  @FieldResolver(() => CaseEventConnection, { description: '流转记录 (时间线)' })
  events(@Ctx() ctx: RequestContext, @Root() kase: Case, @ChildPage() page: ChildConnectionArgs) {
    return caseService.events(ctx, kase, page);
  }
}

@Resolver(() => Grid)
export class GridCasesResolver {
  @FieldResolver(() => CaseConnection, { description: '本网格的案件, 新的在前' })
  cases(@Ctx() ctx: RequestContext, @Root() grid: Grid, @ChildPage() page: ChildConnectionArgs, @Info() info: GraphQLResolveInfo) {
    return caseService.onGrid(ctx, grid, page, info);
  }
}

@Resolver(() => PollutionSource)
export class SourceCasesResolver {
  @FieldResolver(() => CaseConnection, { description: '涉及本污染源的案件' })
  cases(@Ctx() ctx: RequestContext, @Root() source: PollutionSource, @ChildPage() page: ChildConnectionArgs, @Info() info: GraphQLResolveInfo) {
    return caseService.onSource(ctx, source, page, info);
  }
}
