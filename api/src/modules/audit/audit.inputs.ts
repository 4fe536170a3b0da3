import { NameText } from '../../common/name-text';
import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_SEED } from '../spot-check/random-draw';
import { AuditFinding, AuditStatus, RecommendationStatus } from './audit.enums';

@InputType('CreateAuditInput', { description: '发起督查: 随机抽取下级单位期间内的案卷 (及巡查记录)' })
export class CreateAuditInput {
  @Field(() => ID, { description: '被督查单位 (市督查县区, 县区督查乡镇街道)' })
  auditedUnitId!: string;

  @Field(() => String)
  @NameText()
  @Length(2, 200)
  title!: string;

  @Field(() => Date, { description: '期间起 (含)' })
  periodFrom!: Date;

  @Field(() => Date, { description: '期间止 (不含)' })
  periodTo!: Date;

  @Field(() => Int, { description: '抽取案卷数' })
  @Min(0)
  @Max(200)
  caseFileCount!: number;

  @Field(() => Int, { defaultValue: 0, description: '抽取巡查记录数 (巡查计划模块上线后可用)' })
  @Min(0)
  @Max(200)
  patrolRecordCount!: number;

  @Field(() => Int, { nullable: true, description: '随机种子 (不填则随机生成并记录)' })
  @IsOptional()
  @Min(0)
  @Max(MAX_SEED)
  seed?: number;
}

@InputType('ScoreAuditSampleInput', { description: '对抽中要素评分' })
export class ScoreAuditSampleInput {
  @Field(() => ID)
  sampleId!: string;

  @Field(() => Int, { description: '评分 0-100' })
  @Min(0)
  @Max(100)
  score!: number;

  @Field(() => AuditFinding)
  finding!: AuditFinding;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType('RecommendationInput', { description: '整改意见' })
export class RecommendationInput {
  @Field(() => String)
  @Length(2, 2000)
  text!: string;

  @Field(() => String, { description: '整改期限 YYYY-MM-DD (不早于今天)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueOn!: string;
}

@InputType('IssueAuditFindingsInput', { description: '下发督查意见 (全部要素评分后)' })
export class IssueAuditFindingsInput {
  @Field(() => ID)
  auditId!: string;

  @Field(() => AuditFinding, { description: '总体结论' })
  finding!: AuditFinding;

  @Field(() => String)
  @Length(2, 4000)
  summary!: string;

  @Field(() => [RecommendationInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  recommendations!: RecommendationInput[];
}

@InputType('AuditFilter')
export class AuditFilter {
  @Field(() => AuditStatus, { nullable: true })
  status?: AuditStatus;
}

@InputType('AuditRecommendationFilter')
export class AuditRecommendationFilter {
  @Field(() => ID, { nullable: true })
  auditId?: string;

  @Field(() => RecommendationStatus, { nullable: true })
  status?: RecommendationStatus;

  @Field(() => Boolean, { nullable: true, description: '已逾期 (过期未销号)' })
  overdue?: boolean;
}
