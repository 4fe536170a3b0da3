import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseStatus } from '../case/case.enums';

@ObjectType('LateCaseNoticeRow', { description: '通报: 一件超时案件' })
export class LateCaseNoticeRow {
  @Field(() => ID, { description: '案件 ID' })
  caseId!: string;

  @Field(() => String, { description: '案件编号' })
  caseNumber!: string;

  @Field(() => ID, { nullable: true, description: '办理单位 ID' })
  unitId!: string | null;

  @Field(() => String, { nullable: true, description: '办理单位编码' })
  unitCode!: string | null;

  @Field(() => String, { nullable: true, description: '办理单位' })
  unitName!: string | null;

  @Field(() => CaseStatus, { nullable: true, description: '超时环节' })
  step!: CaseStatus | null;

  @Field(() => Date, { description: '时限' })
  dueAt!: Date;

  @Field(() => Int, { description: '超时天数 (自然日, 向上取整)' })
  daysLate!: number;

  @Field(() => String, { nullable: true, description: '牵头部门' })
  leadDepartment!: string | null;

  @Field(() => Boolean, { description: '仍未办理' })
  stillOpen!: boolean;
}

@ObjectType('LateCaseNotice', { description: '超时案件通报: 期间内超过时限的案件, 按办理单位' })
export class LateCaseNotice {
  @Field(() => ID, { description: '通报范围单位' })
  unitId!: string;

  @Field(() => String, { description: '通报范围单位名称' })
  unitName!: string;

  @Field(() => Date, { description: '期间起 (含)' })
  from!: Date;

  @Field(() => Date, { description: '期间止 (不含)' })
  to!: Date;

  @Field(() => Date, { description: '生成时间' })
  generatedAt!: Date;

  @Field(() => [LateCaseNoticeRow])
  rows!: LateCaseNoticeRow[];
}

/** What one deadline sweep did (runDeadlineSweep, pnpm sweep, the scheduled job's log line). */
@ObjectType('DeadlineSweepResult', { description: '时限巡检结果: 新发出的催办/督办/通报数, 自动上报上一级的案件数' })
export class SweepResult {
  @Field(() => Int, { description: '新发出的催办、督办、通报' })
  alerts!: number;

  @Field(() => Int, { description: '超过本级时限自动上报上一级网格的案件' })
  escalated!: number;
}
