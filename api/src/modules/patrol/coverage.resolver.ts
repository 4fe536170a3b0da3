import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { MAX_PAGE_SIZE, PageSize } from '../../common/connection';
import { Requires } from '../../auth/requires';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../person/grid-worker.entity';
import { coverageOf } from './coverage.service';
import { Coverage, CoverageGap, PatrolWorkerProgress } from './coverage.types';

@Resolver(() => Coverage)
export class CoverageResolver {
  @Query(() => Coverage, { description: '覆盖情况: 无执法人员或网格员的网格, 巡查进度落后的网格员 (本单位或 withinId)' })
  @Requires('read', 'PatrolPlan')
  coverage(
    @Ctx() ctx: RequestContext,
    @Arg('withinId', () => ID, { nullable: true }) withinId?: string,
    @Arg('month', () => String, { nullable: true, description: 'YYYY-MM, 默认本月' }) month?: string,
    @PageSize(20, MAX_PAGE_SIZE, '每个列表至多条数 (1-100)') first = 20,
  ) {
    return coverageOf(ctx, withinId, month, first);
  }
}

@Resolver(() => CoverageGap)
export class CoverageGapResolver {
  @FieldResolver(() => Grid, { nullable: true })
  grid(@Ctx() ctx: RequestContext, @Root() gap: CoverageGap) {
    return loadVisible(ctx, Grid, gap.gridId);
  }
}

@Resolver(() => PatrolWorkerProgress)
export class PatrolWorkerProgressResolver {
  @FieldResolver(() => GridWorker, { nullable: true })
  gridWorker(@Ctx() ctx: RequestContext, @Root() progress: PatrolWorkerProgress) {
    return loadVisible(ctx, GridWorker, progress.gridWorkerId);
  }
}
