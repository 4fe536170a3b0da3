import { Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CaseOrigin, CaseUrgency } from '../case/case.enums';
import { CaseComplexity, DeadlineStep, LimitUnit } from './deadline.enums';

@InputType('SetCalendarDayInput', { description: '新增或修改节假日/调休工作日 (如新年度的放假安排)' })
export class SetCalendarDayInput {
  @Field(() => String, { description: 'yyyy-mm-dd' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day!: string;

  @Field(() => Boolean, { description: '是否上班' })
  working!: boolean;

  @Field(() => String)
  @Length(1, 40)
  name!: string;
}

@InputType('SetTimeLimitInput', { description: '设置时限: 空的条件匹配全部, 条件越具体越优先' })
export class SetTimeLimitInput {
  @Field(() => DeadlineStep)
  step!: DeadlineStep;

  @Field(() => CaseOrigin, { nullable: true })
  origin?: CaseOrigin;

  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field(() => CaseUrgency, { nullable: true })
  urgency?: CaseUrgency;

  @Field(() => CaseComplexity, { nullable: true })
  complexity?: CaseComplexity;

  @Field(() => Int)
  @Min(0)
  @Max(366)
  amount!: number;

  @Field(() => LimitUnit)
  unit!: LimitUnit;
}
