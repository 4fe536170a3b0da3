import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssessmentSubjectType, UnrankedReason } from './assessment.enums';
import { AssessmentIndicator } from './assessment-indicator.entity';

/** One row as computed (and as stored when published). */
export interface AssessmentRowData {
  subjectId: string;
  subjectName: string;
  rank: number | null;
  /** Absent in publications made before the minimum-sample rule. */
  unrankedReason?: UnrankedReason | null;
  values: Record<string, number | null>;
  measures: Record<string, number>;
}

@ObjectType('IndicatorValue', { description: '指标值' })
export class IndicatorValue {
  @Field(() => String)
  code!: string;

  @Field(() => Float, { nullable: true, description: '值 (分母为零时为空)' })
  value!: number | null;
}

@ObjectType('MeasureValue', { description: '基础计量 (件/次/个/天), 可下钻到背后的记录' })
export class MeasureValue {
  @Field(() => String)
  code!: string;

  @Field(() => Int)
  value!: number;
}

@ObjectType('AssessmentRow', { description: '考核表的一行: 一个考核对象' })
export class AssessmentRow {
  @Field(() => ID, { description: '考核对象的 ID (GridWorker, Officer, Grid 或 Department)' })
  subjectId!: string;

  @Field(() => String, { description: '考核对象名称' })
  subjectName!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      '单位内排名: 按排名指标由高到低, 并列者名次相同, 其后名次顺延 (竞争排名 1, 2, 2, 4); 并列者按考核对象代码 (网格代码、街道代码; 人员按其首个网格代码, 部门按所属单位代码) 再按 ID 排列. 无值或样本量不足 (低于排名指标的最小样本) 者不排名, 见 unrankedReason',
  })
  rank!: number | null;

  @Field(() => UnrankedReason, { nullable: true, description: '不排名的原因 (有排名时为空)' })
  unrankedReason!: UnrankedReason | null;

  @Field(() => [IndicatorValue])
  values!: IndicatorValue[];

  @Field(() => [MeasureValue])
  measures!: MeasureValue[];
}

@ObjectType('AssessmentTable', { description: '考核表: 考核对象 x 指标' })
export class AssessmentTable {
  @Field(() => String, { description: '考核期' })
  period!: string;

  @Field(() => Date, { description: '起 (含)' })
  from!: Date;

  @Field(() => Date, { description: '止 (不含)' })
  to!: Date;

  @Field(() => AssessmentSubjectType)
  subjectType!: AssessmentSubjectType;

  @Field(() => ID, { description: '考核单位 (Grid)' })
  unitId!: string;

  @Field(() => String, { description: '排名所依据的指标代码' })
  rankBy!: string;

  @Field(() => [AssessmentIndicator], { description: '所用指标版本' })
  indicators!: AssessmentIndicator[];

  @Field(() => [AssessmentRow])
  rows!: AssessmentRow[];

  @Field(() => ID, { nullable: true, description: '已公布时: 公布记录 (数值取自公布时冻结的快照, 不再随案件或指标变化)' })
  publishedId?: string | null;

  @Field(() => Date, { nullable: true, description: '公布时间 (未公布为空)' })
  publishedAt?: Date | null;
}

@ObjectType('AssessmentDrillDown', { description: '下钻: 某考核对象某项基础计量背后的案件、巡查计划、网格、污染源或签到' })
export class AssessmentDrillDown {
  @Field(() => String)
  measure!: string;

  @Field(() => Int, { description: '案件数' })
  caseCount!: number;

  @Field(() => [ID], { description: '案件 ID (全部)' })
  caseIds!: string[];

  @Field(() => [ID], { description: '巡查计划 ID (巡查类计量: 应巡查次数, 已巡查次数)' })
  patrolPlanIds!: string[];

  @Field(() => [ID], { description: '网格 ID (覆盖类计量: 末级网格数, 已覆盖网格数)' })
  gridIds!: string[];

  @Field(() => [ID], { description: '污染源 ID (重点源类计量: 重点污染源数, 按频次检查的重点源数)' })
  sourceIds!: string[];

  @Field(() => [ID], { description: '巡查签到 ID (活跃天数; 当天上报的案件在 caseIds)' })
  checkInIds!: string[];
}

export function toRow(data: AssessmentRowData, codes: string[], measureCodes: string[]): AssessmentRow {
  return {
    subjectId: data.subjectId,
    subjectName: data.subjectName,
    rank: data.rank,
    unrankedReason: data.unrankedReason ?? null,
    values: codes.map((code) => ({ code, value: data.values[code] ?? null })),
    measures: measureCodes.map((code) => ({ code, value: data.measures[code] ?? 0 })),
  };
}
