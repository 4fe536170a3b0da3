import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsDay } from '../../common/day';
import { SupervisionLevel } from '../source/source.enums';
import { InspectionResult, IntervalUnit } from './inspection.enums';

@InputType('RecordInspectionInput', { description: '录入一次现场检查' })
export class RecordInspectionInput {
  @Field(() => ID, { description: '被检查的污染源' })
  sourceId!: string;

  @Field(() => String, { description: '检查日期 yyyy-mm-dd (不晚于今天)' })
  @IsDay()
  inspectedOn!: string;

  @Field(() => InspectionResult)
  result!: InspectionResult;

  @Field(() => String, { description: '检查情况' })
  @Length(2, 4000)
  findings!: string;

  @Field(() => [ID], { nullable: true, description: '关联案件 (同一污染源或同一网格的案件)' })
  @IsOptional()
  @ArrayMaxSize(20)
  caseIds?: string[];
}

@InputType('SetInspectionFrequencyInput', { description: '设置某监管等级的检查频次' })
export class SetInspectionFrequencyInput {
  @Field(() => SupervisionLevel)
  supervisionLevel!: SupervisionLevel;

  @Field(() => Int, { description: '每 N 个单位至少检查一次 (天: 1-366, 月: 1-24)' })
  @Min(1)
  @Max(366)
  every!: number;

  @Field(() => IntervalUnit)
  unit!: IntervalUnit;
}

@InputType('InspectionFilter')
export class InspectionFilter {
  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => ID, { nullable: true })
  sourceId?: string;

  @Field(() => InspectionResult, { nullable: true })
  result?: InspectionResult;

  @Field(() => String, { nullable: true, description: '检查日期不早于 yyyy-mm-dd' })
  @IsDay()
  from?: string;

  @Field(() => String, { nullable: true, description: '检查日期不晚于 yyyy-mm-dd' })
  @IsDay()
  to?: string;
}

@InputType('OverdueFilter')
export class OverdueFilter {
  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => SupervisionLevel, { nullable: true })
  supervisionLevel?: SupervisionLevel;

  @Field(() => String, { nullable: true, description: '按此日期计算 (yyyy-mm-dd, 默认今天, 北京时间)' })
  @IsDay()
  asOf?: string;
}
