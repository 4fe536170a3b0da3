import { NameText } from '../../common/name-text';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PlanKind, TaskOrigin, TaskStatus } from './plan.enums';

/** Plans and tasks are both a title with an optional text. A base class only: not in the schema. */
@InputType()
class TitledInput {
  @Field(() => String)
  @NameText()
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType('CreatePlanInput', { description: '制定执法计划' })
export class CreatePlanInput extends TitledInput {
  @Field(() => ID, { nullable: true, description: '制定单位 (默认本单位)' })
  unitId?: string;

  @Field(() => PlanKind)
  kind!: PlanKind;

  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => Int, { nullable: true, description: '月度计划的月份 (1-12)' })
  @IsOptional()
  @Min(1)
  @Max(12)
  month?: number;
}

@InputType('CreateTaskInput', { description: '新建任务: 计划任务 (planId), 非计划任务 (来源与期限), 或分解为子任务 (parentId)' })
export class CreateTaskInput extends TitledInput {
  @Field(() => ID, { nullable: true, description: '所属执法计划' })
  planId?: string;

  @Field(() => ID, { nullable: true, description: '上级任务 (分解)' })
  parentId?: string;

  @Field(() => TaskOrigin, { nullable: true, description: '来源; 计划任务为 PLANNED, 子任务沿用上级任务的来源' })
  origin?: TaskOrigin;

  @Field(() => ID, { description: '落实到的网格' })
  gridId!: string;

  @Field(() => ID, { nullable: true, description: '执法人员' })
  officerId?: string;

  @Field(() => ID, { nullable: true, description: '环保网格员' })
  gridWorkerId?: string;

  @Field(() => Date, { nullable: true, description: '办理期限 (非计划任务必填)' })
  dueAt?: Date;
}

@InputType('TaskFilter')
export class TaskFilter {
  @Field(() => ID, { nullable: true })
  planId?: string;

  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => TaskOrigin, { nullable: true })
  origin?: TaskOrigin;

  @Field(() => TaskStatus, { nullable: true })
  status?: TaskStatus;

  @Field(() => Boolean, { nullable: true, description: '只看已超期未完成的' })
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '只看顶层任务 (不含子任务)' })
  topLevel?: boolean;

  @Field(() => Boolean, { nullable: true, description: '只看交给我的 (执法人员或网格员本人)' })
  assignedToMe?: boolean;
}

@InputType('PlanFilter')
export class PlanFilter {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => PlanKind, { nullable: true })
  kind?: PlanKind;

  @Field(() => ID, { nullable: true, description: '制定单位' })
  unitId?: string;
}
