import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
// From the domain package: case/ (which registers them with GraphQL) sits above deadline/.
import { CaseOrigin, CaseUrgency } from '@gridwatch/domain';
import { GridLevel } from '../../common/enums';
import { CaseComplexity, DeadlineStep, LimitUnit } from './deadline.enums';
import { TimeLimit } from './time-limit.entity';

export enum LimitSource {
  DEFAULT = 'DEFAULT',
  OVERRIDE = 'OVERRIDE',
}
registerEnumType(LimitSource, { name: 'LimitSource', description: '时限来源: 内置默认值 DEFAULT, 市级覆盖 OVERRIDE' });

/** One limit in force: a shipped default, or a city row (which may replace a default of the same key). */
@ObjectType('TimeLimitSetting', { description: '生效的时限: 内置默认值或市级覆盖, 并注明默认值' })
export class TimeLimitSetting {
  @Field(() => DeadlineStep)
  step!: DeadlineStep;

  @Field(() => CaseOrigin, { nullable: true })
  origin!: CaseOrigin | null;

  @Field(() => ID, { nullable: true, description: '案件类别' })
  categoryId!: string | null;

  @Field(() => CaseUrgency, { nullable: true })
  urgency!: CaseUrgency | null;

  @Field(() => CaseComplexity, { nullable: true })
  complexity!: CaseComplexity | null;

  @Field(() => GridLevel, { nullable: true, description: '适用层级; 空: 各级' })
  level!: GridLevel | null;

  @Field(() => Int, { description: '生效的时限数值' })
  amount!: number;

  @Field(() => LimitUnit)
  unit!: LimitUnit;

  @Field(() => LimitSource, { description: '内置默认值或市级覆盖' })
  source!: LimitSource;

  @Field(() => Int, { nullable: true, description: '同一条件的内置默认值 (没有内置默认值时为空)' })
  defaultAmount!: number | null;

  @Field(() => LimitUnit, { nullable: true })
  defaultUnit!: LimitUnit | null;

  @Field(() => TimeLimit, { nullable: true, description: '市级覆盖记录 (可用 setTimeLimit 修改)' })
  override!: TimeLimit | null;
}
