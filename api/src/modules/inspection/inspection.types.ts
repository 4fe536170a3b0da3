import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PollutionSource } from '../source/source.entity';

@ObjectType('OverdueSource', { description: '检查超期的污染源' })
export class OverdueSource {
  @Field(() => PollutionSource)
  source!: PollutionSource;

  @Field(() => String, { nullable: true, description: '最近一次检查日期 (从未检查为空, 从建档日起算)' })
  lastInspectedOn!: string | null;

  @Field(() => String, { description: '应检查日期 (按频次与敏感时期倍数)' })
  dueOn!: string;

  @Field(() => Int, { description: '超期天数' })
  daysOverdue!: number;

  @Field(() => Float, { description: '适用的敏感时期检查倍数 (无则为 1)' })
  inspectionFactor!: number;
}

@ObjectType('ComplianceQuarter', { description: '一个季度的合规情况' })
export class ComplianceQuarter {
  @Field(() => String, { description: '季度, 如 2026Q3' })
  quarter!: string;

  @Field(() => Boolean, { description: '本季度是否检查过' })
  inspected!: boolean;

  @Field(() => Boolean, { description: '本季度检查是否发现问题' })
  violationFound!: boolean;

  @Field(() => Boolean, { description: '本季度内是否有未结案件 (不含注销)' })
  caseOpen!: boolean;
}

@ObjectType('ComplianceHistory', { description: '合规历史 (仿 EPA ECHO 季度状态串)' })
export class ComplianceHistory {
  @Field(() => [ComplianceQuarter], { description: '由远及近' })
  quarters!: ComplianceQuarter[];

  @Field(() => String, {
    description: '每季度一个字符, 由远及近: V 检查发现问题, C 有未结案件, I 检查未发现问题, _ 均无 (按此优先级取一)',
  })
  summary!: string;
}
