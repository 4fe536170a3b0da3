import { NameText } from '../../common/name-text';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CaseUrgency } from '../case/case.enums';
import { SourceType, SupervisionLevel } from '../source/source.enums';
import { MAX_SEED } from './random-draw';
import { ConflictRule, SpotCheckResult, SpotCheckStratification } from './spot-check.enums';

@InputType('SpotCheckPopulationInput', { description: '抽样总体: 在产污染源中按条件筛选 (条件为空表示不限)' })
export class SpotCheckPopulationInput {
  @Field(() => [SupervisionLevel], { nullable: true, description: '监管等级' })
  supervisionLevels?: SupervisionLevel[];

  @Field(() => [String], { nullable: true, description: '行业' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 60, { each: true })
  industries?: string[];

  @Field(() => [SourceType], { nullable: true, description: '污染源类型' })
  sourceTypes?: SourceType[];

  @Field(() => [ID], { nullable: true, description: '所在单位 (网格及其下级)' })
  @IsOptional()
  @ArrayMaxSize(50)
  withinUnitIds?: string[];
}

/**
 * What the draw's size depends on: the same in a new campaign and in an edit of a draft. A base
 * class only: type-graphql 2 emits no input type that no operation references.
 */
@InputType()
class SpotCheckSampleFields {
  @Field(() => Int, { nullable: true, description: '每层抽取数量 (与 samplePercent 二选一)' })
  @IsOptional()
  @Min(1)
  @Max(10000)
  sampleSize?: number;

  @Field(() => Float, { nullable: true, description: '每层抽取比例 % (0.01-100, 向上取整)' })
  @IsOptional()
  @Min(0.01)
  @Max(100)
  samplePercent?: number;
}

@InputType('CreateSpotCheckCampaignInput', { description: '新建双随机抽查任务' })
export class CreateSpotCheckCampaignInput extends SpotCheckSampleFields {
  @Field(() => String)
  @NameText()
  @Length(2, 200)
  title!: string;

  @Field(() => SpotCheckPopulationInput)
  population!: SpotCheckPopulationInput;

  @Field(() => SpotCheckStratification, { defaultValue: SpotCheckStratification.LEVEL, description: '分层方式' })
  stratification!: SpotCheckStratification;

  @Field(() => [ID], { description: '检查人员库 (执法人员)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  inspectorPoolIds!: string[];

  @Field(() => Int, { defaultValue: 2, description: '每个污染源的检查人员数' })
  @Min(1)
  @Max(5)
  inspectorsPerSource!: number;

  @Field(() => ConflictRule, { defaultValue: ConflictRule.SAME_COUNTY, description: '回避规则' })
  conflictRule!: ConflictRule;
}

@InputType('UpdateSpotCheckCampaignInput', { description: '修改草拟的抽查任务 (尚未抽取); 只改给出的字段. 抽取数量与比例给出其一时替换另一个' })
export class UpdateSpotCheckCampaignInput extends SpotCheckSampleFields {
  @Field(() => String, { nullable: true })
  @NameText()
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => SpotCheckPopulationInput, { nullable: true, description: '替换抽样总体条件' })
  population?: SpotCheckPopulationInput;

  @Field(() => SpotCheckStratification, { nullable: true })
  stratification?: SpotCheckStratification;

  @Field(() => [ID], { nullable: true, description: '替换检查人员库 (执法人员)' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  inspectorPoolIds?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(5)
  inspectorsPerSource?: number;

  @Field(() => ConflictRule, { nullable: true })
  conflictRule?: ConflictRule;
}

@InputType('DrawSpotCheckInput', { description: '抽取 (首次) 或重新抽取' })
export class DrawSpotCheckInput {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => Int, { nullable: true, description: '随机种子 (不填则随机生成并记录)' })
  @IsOptional()
  @Min(0)
  @Max(MAX_SEED)
  seed?: number;

  @Field(() => String, { nullable: true, description: '重新抽取的原因 (重新抽取时必填)' })
  @IsOptional()
  @Length(2, 500)
  reason?: string;
}

@InputType('RecordSpotCheckResultInput', { description: '登记检查结果; 发现问题时生成案件' })
export class RecordSpotCheckResultInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => SpotCheckResult)
  result!: SpotCheckResult;

  @Field(() => String, { nullable: true, description: '检查情况 (发现问题时必填, 作为案件描述)' })
  @IsOptional()
  @Length(5, 2000)
  notes?: string;

  @Field(() => ID, { nullable: true, description: '案件类别 (发现问题时必填)' })
  caseCategoryId?: string;

  @Field(() => CaseUrgency, { nullable: true })
  urgency?: CaseUrgency;

  @Field(() => Date, { nullable: true, description: '检查时间 (默认现在)' })
  checkedAt?: Date;
}

@InputType('SpotCheckItemFilter')
export class SpotCheckItemFilter {
  @Field(() => ID, { nullable: true })
  campaignId?: string;

  @Field(() => ID, { nullable: true })
  sourceId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: 未登记结果; false: 已登记' })
  pending?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '被重新抽取取代的记录 (默认不含)' })
  superseded?: boolean;
}
