import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Grid } from '../grid/grid.entity';

/** The report's definitions (口径), returned with every report and printed on the page and in the file. */
export const REPORT_DEFINITION = [
  '统计口径 (北京时间自然月, 按事件发生时间计, 不按案件当前状态; 过去月份重算结果不变):',
  '新报案件: 本月有上报 (REPORT) 事件的案件; 按类别、来源分组; 月末状态为该案件在月末前最后一个事件后的状态.',
  '应结案: 处置时限 (月末前最后一次派遣、批准延期、恢复或返工所定时限) 在本月的案件; 已结案: 其中月末状态为已结案或已评价; 按期结案: 其中最后一次核实通过不晚于处置时限. 按期结案率 = 按期结案 / 应结案.',
  '巡查: 本月巡查计划的应巡查次数与计划内已巡查次数 (网格内签到, 每日至多一次, 不超过计划); 巡查完成率 = 已巡查 / 应巡查.',
  '检查: 本月检查日期的检查次数、发现问题次数和检查到的污染源数; 重点源检查覆盖率 = 本月检查过的重点源 / 月末前建档的重点源 (监管等级与在产状态按当前档案).',
  '抽查 (双随机): 本月检查日期的抽查结果 (不含被重新抽取取代的).',
].join('\n');

@ObjectType('ReportCount', { description: '分组计数' })
export class ReportCount {
  @Field(() => String, { description: '分组键 (类别 ID, 来源或状态代码)' })
  key!: string;

  @Field(() => String, { description: '名称' })
  label!: string;

  @Field(() => Int, { description: '件数' })
  count!: number;
}

@ObjectType('MonthlyReportRow', { description: '月报的一行: 本单位合计或一个县区' })
export class MonthlyReportRow {
  /** The county (or the report's unit for the total); internal. */
  unitId!: number;

  @Field(() => String, { description: '单位名称' })
  unitName!: string;

  @Field(() => Boolean, { description: '是否为合计行' })
  total!: boolean;

  @Field(() => Int, { description: '新报案件数' })
  reported!: number;

  @Field(() => [ReportCount], { description: '新报案件: 按类别' })
  byCategory!: ReportCount[];

  @Field(() => [ReportCount], { description: '新报案件: 按来源' })
  byOrigin!: ReportCount[];

  @Field(() => [ReportCount], { description: '新报案件: 按月末状态' })
  byStatus!: ReportCount[];

  @Field(() => Int, { description: '应结案数' })
  due!: number;

  @Field(() => Int, { description: '已结案数 (应结案中)' })
  closed!: number;

  @Field(() => Int, { description: '按期结案数' })
  closedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '按期结案率 % (无应结案时为空)' })
  onTimeRate!: number | null;

  @Field(() => Int, { description: '应巡查次数' })
  patrolsRequired!: number;

  @Field(() => Int, { description: '已巡查次数 (计划内)' })
  patrolsDone!: number;

  @Field(() => Float, { nullable: true, description: '巡查完成率 %' })
  patrolRate!: number | null;

  @Field(() => Int, { description: '检查次数' })
  inspections!: number;

  @Field(() => Int, { description: '检查发现问题次数' })
  inspectionsProblem!: number;

  @Field(() => Int, { description: '检查到的污染源数' })
  sourcesInspected!: number;

  @Field(() => Int, { description: '重点污染源数' })
  keySources!: number;

  @Field(() => Int, { description: '本月检查过的重点源数' })
  keySourcesInspected!: number;

  @Field(() => Float, { nullable: true, description: '重点源检查覆盖率 %' })
  keySourceCoverage!: number | null;

  @Field(() => Int, { description: '抽查数' })
  spotChecks!: number;

  @Field(() => Int, { description: '抽查未发现问题数' })
  spotChecksCompliant!: number;

  @Field(() => Int, { description: '抽查发现问题数' })
  spotChecksProblem!: number;
}

@ObjectType('MonthlyReport', { description: '月度统计报表 (市或县区): 按事件时间统计, 过去月份可重现' })
export class MonthlyReport {
  @Field(() => String, { description: '月份 YYYY-MM' })
  month!: string;

  @Field(() => Grid, { description: '报表单位 (市或县区)' })
  unit!: Grid;

  @Field(() => Boolean, { description: '该月是否已结束 (未结束时为截至当前的数字)' })
  complete!: boolean;

  @Field(() => Date, { description: '生成时间' })
  generatedAt!: Date;

  @Field(() => String, { description: '统计口径' })
  definition!: string;

  @Field(() => [MonthlyReportRow], { description: '首行为本单位合计; 市级报表其后为各县区' })
  rows!: MonthlyReportRow[];
}
