import { Field, Int, ObjectType } from 'type-graphql';
import { Case } from './case.entity';

@ObjectType('DeadlineMove', { description: '导入节假日安排后变化的时限' })
export class DeadlineMove {
  @Field(() => Case, { name: 'case' })
  kase!: Case;

  @Field(() => Date, { nullable: true, description: '原时限' })
  previousDueAt!: Date | null;

  @Field(() => Date, { description: '新时限' })
  dueAt!: Date;

  @Field(() => Boolean, { description: '仍为暂定 (还经过其他未导入的年份)' })
  provisional!: boolean;
}

@ObjectType('CalendarScheduleLoad', { description: '节假日安排导入结果 (或预览)' })
export class CalendarScheduleLoad {
  @Field(() => Int)
  year!: number;

  @Field(() => Boolean, { description: '预览: 未写入' })
  dryRun!: boolean;

  @Field(() => Int, { description: '节假日天数' })
  holidays!: number;

  @Field(() => Int, { description: '调休上班天数' })
  workingDays!: number;

  @Field(() => Int, { description: '新增日期' })
  added!: number;

  @Field(() => Int, { description: '修改日期' })
  changed!: number;

  @Field(() => Int, { description: '删除日期' })
  removed!: number;

  @Field(() => Int, { description: '重算的时限数' })
  recomputed!: number;

  @Field(() => [DeadlineMove], { description: '变化的时限 (最多 50 条)' })
  moves!: DeadlineMove[];
}
