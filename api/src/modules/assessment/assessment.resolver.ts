import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageSize } from '../../common/connection';
import { Requires } from '../../auth/requires';
import { fromGlobalIds } from '../../common/global-id';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { AssessmentIndicator } from './assessment-indicator.entity';
import { Assessment } from './assessment.entity';
import { AssessmentDrillDownInput, AssessmentInput, DefineIndicatorInput } from './assessment.inputs';
import { assessmentService } from './assessment.service';
import { AssessmentDrillDown, AssessmentTable } from './assessment.types';

/** 绩效考核: indicators (市级制定, 版本化), assessment tables with drill-down, publication. */
@Resolver()
export class AssessmentResolver {
  @Query(() => [AssessmentIndicator], { description: '考核指标 (现行版本; history: 含历史版本)' })
  @Requires('read', 'AssessmentIndicator')
  assessmentIndicators(@Ctx() ctx: RequestContext, @Arg('history', () => Boolean, { defaultValue: false }) history: boolean): Promise<AssessmentIndicator[]> {
    return assessmentService.indicators(ctx, history);
  }

  @Mutation(() => AssessmentIndicator, { description: '制定考核指标 (市级): 同代码发布新版本' })
  @Requires('create', 'AssessmentIndicator')
  defineAssessmentIndicator(@Ctx() ctx: RequestContext, @Arg('input', () => DefineIndicatorInput) input: DefineIndicatorInput): Promise<AssessmentIndicator> {
    return assessmentService.defineIndicator(ctx, input);
  }

  @Query(() => AssessmentTable, { description: '考核表 (按现行指标实时计算): 考核对象 x 指标, 单位内排名' })
  @Requires('read', 'AssessmentRow')
  assessment(@Ctx() ctx: RequestContext, @Arg('input', () => AssessmentInput) input: AssessmentInput): Promise<AssessmentTable> {
    return assessmentService.table(ctx, input);
  }

  @Query(() => AssessmentDrillDown, { description: '下钻: 考核对象某项基础计量背后的案件' })
  @Requires('read', 'AssessmentRow')
  assessmentDrillDown(@Ctx() ctx: RequestContext, @Arg('input', () => AssessmentDrillDownInput) input: AssessmentDrillDownInput): Promise<AssessmentDrillDown> {
    return assessmentService.drillDown(ctx, input);
  }

  @Mutation(() => Assessment, { description: '公布考核结果: 保存数值与所用指标版本' })
  @Requires('create', 'Assessment')
  publishAssessment(@Ctx() ctx: RequestContext, @Arg('input', () => AssessmentInput) input: AssessmentInput): Promise<Assessment> {
    return assessmentService.publish(ctx, input);
  }

  @Query(() => [Assessment], { description: '已公布的考核结果 (最近 100 份)' })
  @Requires('read', 'Assessment')
  publishedAssessments(@Ctx() ctx: RequestContext): Promise<Assessment[]> {
    return assessmentService.published(ctx);
  }

  @Query(() => AssessmentTable, { description: '按公布时的指标版本重新计算 (应与公布数值一致)' })
  @Requires('read', 'Assessment')
  recomputeAssessment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AssessmentTable> {
    return assessmentService.recompute(ctx, id);
  }
}

@Resolver(() => Assessment)
export class PublishedAssessmentResolver {
  @FieldResolver(() => AssessmentTable, { description: '公布的数值' })
  table(@Ctx() ctx: RequestContext, @Root() published: Assessment): Promise<AssessmentTable> {
    return assessmentService.publishedTable(ctx, published);
  }
}

@Resolver(() => AssessmentDrillDown)
export class AssessmentDrillDownResolver {
  @FieldResolver(() => [Case], { description: '前 N 个案件 (可见范围内)' })
  async cases(
    @Ctx() ctx: RequestContext,
    @Root() drill: AssessmentDrillDown,
    @PageSize(20, 100, '前 N 个案件 (1-100)') first: number,
  ): Promise<Case[]> {
    const ids = fromGlobalIds('Case', drill.caseIds.slice(0, first));
    return ctx.em.find(Case, { id: { $in: ids } }, { orderBy: { id: 'asc' } });
  }
}
