import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { ArgsType, Field, ID, registerEnumType } from 'type-graphql';

export enum CaseStatisticsDimension {
  UNIT = 'UNIT',
  STATUS = 'STATUS',
  CATEGORY = 'CATEGORY',
  DAY = 'DAY',
  WEEK = 'WEEK',
}
registerEnumType(CaseStatisticsDimension, {
  name: 'CaseStatisticsDimension',
  description: '统计维度: 下级单位, 状态, 类别, 按日, 按周 (日/周按 Asia/Shanghai 计, 周从周一开始)',
});

/** The time dimensions: a case counts in the period it was reported, and again in the one it was closed. */
export const TIME_DIMENSIONS = new Set([CaseStatisticsDimension.DAY, CaseStatisticsDimension.WEEK]);

@ArgsType()
export class CaseStatisticsArgs {
  @Field(() => [CaseStatisticsDimension], { description: '分组维度 (1-2 个, 至多一个时间维度), 如 [UNIT, STATUS]' })
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  groupBy!: CaseStatisticsDimension[];

  @Field(() => ID, { nullable: true, description: '统计范围: 该单位及其下级 (默认本单位); UNIT 按其直接下级分组' })
  within?: string;

  @Field(() => Date, { nullable: true, description: '起 (含): 上报时间; 按日/周时为上报或结案时间' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: '止 (不含), 默认现在' })
  to?: Date;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '只统计已超时 (当前环节时限已过) 的案件' })
  overdueOnly?: boolean;

  @Field(() => ID, { nullable: true, description: '案件类别' })
  categoryId?: string;
}
