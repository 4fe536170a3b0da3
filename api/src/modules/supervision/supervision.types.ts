import { Field, Int, ObjectType } from 'type-graphql';

/** What one deadline sweep did (runDeadlineSweep, pnpm sweep, the scheduled job's log line). */
@ObjectType('DeadlineSweepResult', { description: '时限巡检结果: 新发出的催办/督办/通报数, 自动上报上一级的案件数' })
export class SweepResult {
  @Field(() => Int, { description: '新发出的催办、督办、通报' })
  alerts!: number;

  @Field(() => Int, { description: '超过本级时限自动上报上一级网格的案件' })
  escalated!: number;
}
