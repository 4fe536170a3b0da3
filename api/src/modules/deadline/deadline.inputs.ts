import { NameText } from '../../common/name-text';
import { Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
// From the domain package: case/ (which registers them with GraphQL) sits above deadline/.
import { CaseOrigin, CaseUrgency } from '@gridwatch/domain';
import { GridLevel } from '../../common/enums';
import { CaseComplexity, DeadlineStep, LimitUnit, ScheduleFormat } from './deadline.enums';

@InputType('SetCalendarDayInput', { description: '新增或修改节假日/调休工作日 (如新年度的放假安排)' })
export class SetCalendarDayInput {
  @Field(() => String, { description: 'yyyy-mm-dd' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day!: string;

  @Field(() => Boolean, { description: '是否上班' })
  working!: boolean;

  @Field(() => String)
  @NameText()
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

  @Field(() => GridLevel, { nullable: true, description: '适用层级 (如乡镇立卷 1 个工作日, 区县 2 个); 空: 各级' })
  level?: GridLevel;

  @Field(() => Int)
  @Min(0)
  @Max(366)
  amount!: number;

  @Field(() => LimitUnit)
  unit!: LimitUnit;
}

@InputType('LoadCalendarScheduleInput', { description: '导入一年的节假日安排 (国务院办公厅通知): 替换该年全部节假日与调休日, 并重算暂定时限' })
export class LoadCalendarScheduleInput {
  @Field(() => Int, { description: '年份' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => ScheduleFormat)
  format!: ScheduleFormat;

  @Field(() => String, { description: '文件内容 (UTF-8 文本)' })
  @MaxLength(60_000)
  content!: string;

  @Field(() => Boolean, { defaultValue: false, description: '只预览: 报告将新增/修改/删除的日期和将变化的时限, 不写入' })
  dryRun!: boolean;
}
