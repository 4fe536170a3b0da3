import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseCategory } from '../department/case-category.entity';
import { Grid } from '../grid/grid.entity';
import { CaseStatisticsArgs } from './statistics.inputs';
import { askedFields, statisticsService } from './statistics.service';
import { CaseStatistic } from './statistics.types';

/** Statistics read cases: whoever may read cases gets the counts of the cases it may read, nothing else (statistics.policy.ts). */
@Resolver(() => CaseStatistic)
export class StatisticsResolver {
  @Query(() => [CaseStatistic], {
    description: '案件统计 (本辖区内): 按下级单位/状态/类别/日/周分组计数, 如 groupBy: [UNIT, STATUS] 得到各乡镇×状态',
  })
  @Requires('read', 'CaseStatistic')
  caseStatistics(@Ctx() ctx: RequestContext, @Args(() => CaseStatisticsArgs) args: CaseStatisticsArgs, @Info() info: GraphQLResolveInfo): Promise<CaseStatistic[]> {
    return statisticsService.caseStatistics(ctx, args, askedFields(info.fieldNodes));
  }

  @FieldResolver(() => Grid, { nullable: true, description: '下级单位 (按 UNIT 分组时)' })
  unit(@Ctx() ctx: RequestContext, @Root() row: CaseStatistic): Promise<Grid | null> {
    return loadVisible(ctx, Grid, row.unitId);
  }

  @FieldResolver(() => CaseCategory, { nullable: true, description: '案件类别 (按 CATEGORY 分组时)' })
  category(@Ctx() ctx: RequestContext, @Root() row: CaseStatistic): Promise<CaseCategory | null> {
    return loadVisible(ctx, CaseCategory, row.categoryId);
  }
}
