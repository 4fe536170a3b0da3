import { Field, Int, ObjectType } from 'type-graphql';
import { CaseStatus } from '../case/case.enums';

/** One group of caseStatistics: the dimensions asked for are set, the others are null. */
@ObjectType('CaseStatistic', { description: '案件统计的一组: 所选维度有值, 其余为空' })
export class CaseStatistic {
  /** The child unit of `within` the cases lie in (or `within` itself for cases on its own grid). */
  unitId!: number | null;

  categoryId!: number | null;

  @Field(() => CaseStatus, { nullable: true, description: '当前状态' })
  status!: CaseStatus | null;

  @Field(() => Date, { nullable: true, description: '时段开始 (Asia/Shanghai 的当日或当周周一零时)' })
  period!: Date | null;

  @Field(() => Int, { description: '案件数 (按日/周: 该时段上报的)' })
  count!: number;

  @Field(() => Int, { description: '其中已超时的 (当前环节时限已过)' })
  overdue!: number;

  @Field(() => Int, { description: '已结案的 (按日/周: 该时段结案的)' })
  closed!: number;
}
