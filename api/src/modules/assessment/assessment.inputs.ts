import { NameText } from '../../common/name-text';
import { ArrayNotEmpty, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AssessmentSubjectType, IndicatorUnit } from './assessment.enums';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

@InputType('AssessmentInput', { description: '考核表: 考核期, 考核对象类型, 考核单位' })
export class AssessmentInput {
  @Field(() => String, { description: '考核期 (北京时间): 月 2026-10, 季度 2026-Q3, 年 2026' })
  @Matches(PERIOD)
  period!: string;

  @Field(() => AssessmentSubjectType)
  subjectType!: AssessmentSubjectType;

  @Field(() => ID, { description: '考核单位 (市、县区或乡镇街道网格)' })
  unitId!: string;

  @Field(() => String, { nullable: true, description: '排名依据的指标代码 (默认 COMPOSITE 综合指标值, 由高到低)' })
  @IsOptional()
  @Length(1, 40)
  rankBy?: string;
}

@InputType('AssessmentDrillDownInput', { description: '下钻: 某考核对象某项基础计量背后的案件' })
export class AssessmentDrillDownInput extends AssessmentInput {
  @Field(() => ID, { description: '考核对象 (GridWorker, Officer, Grid 或 Department 的 ID)' })
  subjectId!: string;

  @Field(() => String, { description: '基础计量代码, 如 closed_on_time' })
  measure!: string;
}

@InputType('DefineIndicatorInput', { description: '制定考核指标 (市级): 已有代码则发布新版本, 旧版本保留' })
export class DefineIndicatorInput {
  @Field(() => String, { description: '指标代码 (大写字母、数字、下划线)' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/)
  code!: string;

  @Field(() => String, { description: '名称' })
  @NameText()
  @Length(1, 60)
  name!: string;

  @Field(() => String, { description: '说明 (口径)' })
  @Length(1, 2000)
  description!: string;

  @Field(() => String, { description: '公式, 如 rate(closed_on_time, due - parked)' })
  @Length(1, 2000)
  formula!: string;

  @Field(() => IndicatorUnit)
  unit!: IndicatorUnit;

  @Field(() => [AssessmentSubjectType])
  @ArrayNotEmpty()
  subjectTypes!: AssessmentSubjectType[];

  @Field(() => String, { nullable: true, description: '最小样本的基础计量, 如 due (与 minSample 同时给出; 都不给则沿用旧版本)' })
  @IsOptional()
  @Length(1, 40)
  sampleMeasure?: string;

  @Field(() => Int, { nullable: true, description: '最小样本量 (该计量低于此数者不参与排名; 0 = 不设最小样本; 不给则沿用旧版本)' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  minSample?: number;

  @Field(() => Int, { nullable: true, description: '排序 (默认沿用旧版本或排在最后)' })
  @IsOptional()
  @Min(0)
  @Max(10_000)
  position?: number;
}
