import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { toGlobalId } from '../../common/global-id';
import { loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { Grid } from '../grid/grid.entity';
import { Audit, AuditRecommendation, AuditSample } from './audit.entity';
import { AuditElementKind, AuditStatus, RecommendationStatus } from './audit.enums';
import { AuditFilter, AuditRecommendationFilter, CreateAuditInput, IssueAuditFindingsInput, ScoreAuditSampleInput } from './audit.inputs';
import { auditService, today } from './audit.service';

const AuditConnection = ConnectionType(Audit, 'Audit');
const RecommendationConnection = ConnectionType(AuditRecommendation, 'AuditRecommendation');

@ObjectType('AuditElement', { description: '抽中的要素' })
class AuditElement {
  @Field(() => AuditElementKind)
  kind!: AuditElementKind;

  @Field(() => ID, { description: '案件 (或巡查记录) ID' })
  elementId!: string;
}

@ObjectType('AuditDrawReplay', { description: '按记录的种子和快照重新抽样' })
class AuditDrawReplay {
  @Field(() => Audit)
  audit!: Audit;

  @Field(() => Boolean, { name: 'snapshotMatches', description: '快照仍与记录的摘要一致' })
  hashMatches!: boolean;

  @Field(() => Boolean, { description: '与记录的抽样结果一致' })
  matches!: boolean;

  @Field(() => [AuditElement])
  elements!: AuditElement[];
}

const typeOf: Record<AuditElementKind, string> = { [AuditElementKind.CASE_FILE]: 'Case', [AuditElementKind.PATROL_RECORD]: 'PatrolCheckIn' };
const element = ([kind, id]: [AuditElementKind, number]): AuditElement => ({ kind, elementId: toGlobalId(typeOf[kind], id) });

@Resolver(() => Audit)
export class AuditResolver {
  @Query(() => Audit, { nullable: true, description: '督查' })
  @Requires('read', 'Audit')
  audit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return auditService.byId(ctx, id);
  }

  @Query(() => AuditConnection, { description: '督查列表 (本单位发起的及本单位被督查的)' })
  @Requires('read', 'Audit')
  audits(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('status', () => AuditStatus, { nullable: true }) status?: AuditStatus,
    @Arg('filter', () => AuditFilter, { nullable: true, description: '筛选 (导出 /export/audits 接受同样的 JSON)' }) filter?: AuditFilter,
  ) {
    return auditService.list(ctx, { status: filter?.status ?? status }, page);
  }

  @Query(() => AuditDrawReplay, { description: '复现督查抽样' })
  @Requires('read', 'Audit')
  async replayAuditDraw(@Ctx() ctx: RequestContext, @Arg('auditId', () => ID) auditId: string): Promise<AuditDrawReplay> {
    const replay = auditService.replay(await auditService.byId(ctx, auditId));
    return { ...replay, elements: replay.elements.map(element) };
  }

  @Query(() => RecommendationConnection, { description: '督查整改意见 (可筛选逾期未销号的)' })
  @Requires('read', 'AuditRecommendation')
  auditRecommendations(
    @Ctx() ctx: RequestContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AuditRecommendationFilter, { nullable: true }) filter?: AuditRecommendationFilter,
  ) {
    return auditService.recommendations(ctx, filter, page);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '督查单位' })
  auditorUnit(@Ctx() ctx: RequestContext, @Root() audit: Audit) {
    return loadVisible(ctx, Grid, audit.auditorUnitId);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '被督查单位' })
  auditedUnit(@Ctx() ctx: RequestContext, @Root() audit: Audit) {
    return loadVisible(ctx, Grid, audit.auditedUnitId);
  }

  @FieldResolver(() => [AuditSample], { description: '抽中的要素, 按抽中顺序' })
  samples(@Ctx() ctx: RequestContext, @Root() audit: Audit) {
    return auditService.samples(ctx, audit);
  }

  @FieldResolver(() => Float, { nullable: true, description: '平均分' })
  async averageScore(@Ctx() ctx: RequestContext, @Root() audit: Audit): Promise<number | null> {
    const scores = (await auditService.samples(ctx, audit)).map((s) => s.score).filter((s): s is number => s != null);
    return scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
  }

  @FieldResolver(() => [AuditRecommendation], { description: '整改意见' })
  recommendations(@Ctx() ctx: RequestContext, @Root() audit: Audit) {
    return auditService.recommendationsOf(ctx, audit);
  }

  @Mutation(() => Audit, { description: '发起督查并随机抽样 (市督查县区, 县区督查乡镇街道)' })
  @Requires('create', 'Audit')
  createAudit(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAuditInput) input: CreateAuditInput) {
    return auditService.create(ctx, input);
  }

  @Mutation(() => AuditSample, { description: '对抽中要素评分' })
  @Requires('update', 'Audit')
  scoreAuditSample(@Ctx() ctx: RequestContext, @Arg('input', () => ScoreAuditSampleInput) input: ScoreAuditSampleInput) {
    return auditService.score(ctx, input);
  }

  @Mutation(() => Audit, { description: '下发督查意见和整改要求' })
  @Requires('update', 'Audit')
  issueAuditFindings(@Ctx() ctx: RequestContext, @Arg('input', () => IssueAuditFindingsInput) input: IssueAuditFindingsInput) {
    return auditService.issueFindings(ctx, input);
  }

  @Mutation(() => AuditRecommendation, { description: '被督查单位反馈整改情况' })
  @Requires('update', 'AuditRecommendation')
  respondToAuditRecommendation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('response', () => String) response: string) {
    return auditService.respond(ctx, id, response);
  }

  @Mutation(() => AuditRecommendation, { description: '督查单位核实后销号' })
  @Requires('update', 'AuditRecommendation')
  closeAuditRecommendation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String) note: string) {
    return auditService.close(ctx, id, note);
  }
}

@Resolver(() => AuditSample)
export class AuditSampleResolver {
  @FieldResolver(() => ID, { description: '要素 ID (案件或巡查记录)' })
  elementId(@Root() sample: AuditSample): string {
    return toGlobalId(typeOf[sample.kind], sample.elementId);
  }

  @FieldResolver(() => Case, { nullable: true, description: '抽中的案卷' })
  case(@Ctx() ctx: RequestContext, @Root() sample: AuditSample) {
    return sample.kind === AuditElementKind.CASE_FILE ? loadVisible(ctx, Case, sample.elementId) : null;
  }
}

@Resolver(() => AuditRecommendation)
export class AuditRecommendationResolver {
  @FieldResolver(() => Boolean, { description: '已逾期 (过期未销号)' })
  overdue(@Ctx() ctx: RequestContext, @Root() rec: AuditRecommendation): boolean {
    return rec.status !== RecommendationStatus.CLOSED && rec.dueOn < today(ctx);
  }

  @FieldResolver(() => Audit, { nullable: true })
  audit(@Ctx() ctx: RequestContext, @Root() rec: AuditRecommendation) {
    return loadVisible(ctx, Audit, rec.auditId);
  }
}
