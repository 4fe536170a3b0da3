import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ChildConnectionArgs, ChildPage, ConnectionArgs, ConnectionType } from '../../common/connection';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { PollutionSource } from '../source/source.entity';
import { complianceService } from './compliance.service';
import { inspectionOverdueService } from './inspection-overdue.service';
import { InspectionFrequency } from './inspection-frequency.entity';
import { InspectionPhoto } from './inspection-photo.entity';
import { inspectionPhotoService } from './inspection-photo.service';
import { Inspection } from './inspection.entity';
import { InspectionFilter, OverdueFilter, RecordInspectionInput, SetInspectionFrequencyInput } from './inspection.inputs';
import { inspectionService } from './inspection.service';
import { ComplianceHistory, OverdueSource } from './inspection.types';

const InspectionConnection = ConnectionType(Inspection, 'Inspection');
const OverdueSourceConnection = ConnectionType(OverdueSource, 'OverdueSource');

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => Inspection, { nullable: true, description: '按 ID 查检查记录' })
  @Requires('read', 'Inspection')
  inspection(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Inspection> {
    return inspectionService.byId(ctx, id);
  }

  @Query(() => InspectionConnection, { description: '现场检查记录 (本辖区内), 检查日期新的在前' })
  @Requires('read', 'Inspection')
  inspections(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter?: InspectionFilter,
  ) {
    return inspectionService.list(ctx, filter, page);
  }

  @Query(() => OverdueSourceConnection, { description: '检查超期的在产污染源 (按频次及敏感时期倍数计算), 超期最久的在前' })
  @Requires('read', 'Inspection')
  inspectionOverdue(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => OverdueFilter, { nullable: true }) filter?: OverdueFilter,
  ) {
    return inspectionOverdueService.list(ctx, filter, page);
  }

  @Query(() => [InspectionFrequency], { description: '各监管等级的检查频次 (市级配置)' })
  @Requires('read', 'InspectionFrequency')
  inspectionFrequencies(@Ctx() ctx: RequestContext): Promise<InspectionFrequency[]> {
    return inspectionService.frequencies(ctx);
  }

  @Mutation(() => Inspection, { description: '录入现场检查 (执法人员: 所辖网格; 市级执法: 全市)' })
  @Requires('create', 'Inspection')
  recordInspection(@Ctx() ctx: RequestContext, @Arg('input', () => RecordInspectionInput) input: RecordInspectionInput) {
    return inspectionService.record(ctx, input);
  }

  @Mutation(() => InspectionFrequency, { description: '设置检查频次 (市环保局)' })
  @Requires('update', 'InspectionFrequency')
  setInspectionFrequency(@Ctx() ctx: RequestContext, @Arg('input', () => SetInspectionFrequencyInput) input: SetInspectionFrequencyInput) {
    return inspectionService.setFrequency(ctx, input);
  }

  @FieldResolver(() => PollutionSource, { nullable: true, description: '被检查的污染源' })
  source(@Ctx() ctx: RequestContext, @Root() inspection: Inspection): Promise<PollutionSource | null> {
    return loadVisible(ctx, PollutionSource, inspection.sourceId);
  }

  @FieldResolver(() => [InspectionPhoto], { description: '现场照片 (上传: POST /inspections/{id}/photos)' })
  photos(@Ctx() ctx: RequestContext, @Root() inspection: Inspection): Promise<InspectionPhoto[]> {
    return inspectionPhotoService.list(ctx, inspection);
  }

  @FieldResolver(() => [Case], { description: '关联案件' })
  cases(@Ctx() ctx: RequestContext, @Root() inspection: Inspection): Promise<Case[]> {
    return inspectionService.cases(ctx, inspection);
  }
}

@Resolver(() => PollutionSource)
export class SourceInspectionsResolver {
  @FieldResolver(() => InspectionConnection, { description: '现场检查记录, 新录入的在前' })
  inspections(@Ctx() ctx: RequestContext, @Root() source: PollutionSource, @ChildPage() page: ChildConnectionArgs) {
    return inspectionService.ofSource(ctx, source, page);
  }

  @FieldResolver(() => ComplianceHistory, { description: '合规历史: 最近 N 个季度 (含本季度) 是否检查, 是否发现问题, 是否有未结案件' })
  complianceHistory(
    @Ctx() ctx: RequestContext,
    @Root() source: PollutionSource,
    @Arg('quarters', () => Int, { defaultValue: 12, description: '季度数 (1-40), 默认 12 (三年)' }) quarters: number,
    @Arg('asOf', () => String, { nullable: true, description: '截至日期 yyyy-mm-dd (默认今天)' }) asOf?: string,
  ): Promise<ComplianceHistory> {
    return complianceService.history(ctx, source, quarters, asOf);
  }
}
