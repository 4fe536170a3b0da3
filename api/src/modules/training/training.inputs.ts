import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsDay } from '../../common/day';
import { GridLevel } from '../../common/enums';
import { TrainingAudience, TrainingTopic } from './training.enums';

@InputType('TrainingCourseInput', { description: '培训课程 (由本单位组织)' })
export class TrainingCourseInput {
  @Field(() => String, { description: '课程名称' })
  @Length(2, 100)
  title!: string;

  @Field(() => TrainingTopic, { description: '培训类别' })
  topic!: TrainingTopic;

  @Field(() => TrainingAudience, { description: '培训对象' })
  audience!: TrainingAudience;
}

@InputType('TrainingCourseFilter')
export class TrainingCourseFilter {
  @Field(() => GridLevel, { nullable: true, description: '组织级别' })
  @IsOptional()
  level?: GridLevel;

  @Field(() => TrainingTopic, { nullable: true, description: '培训类别' })
  @IsOptional()
  topic?: TrainingTopic;
}

@InputType('TrainingSessionInput', { description: '培训期次' })
export class TrainingSessionInput {
  @Field(() => ID, { description: '课程 (须由本单位组织)' })
  courseId!: string;

  @Field(() => String, { description: '培训日期 yyyy-mm-dd' })
  @IsDay()
  heldOn!: string;

  @Field(() => String, { description: '培训地点' })
  @Length(2, 200)
  place!: string;

  @Field(() => Int, { nullable: true, description: '学时 (1-40 小时, 默认 1)' })
  @IsOptional()
  @Min(1)
  @Max(40)
  hours?: number;
}

@InputType('TrainingSessionFilter')
export class TrainingSessionFilter {
  @Field(() => ID, { nullable: true, description: '课程' })
  @IsOptional()
  courseId?: string;

  @Field(() => String, { nullable: true, description: '自该日起 (含, yyyy-mm-dd)' })
  @IsOptional()
  @IsDay()
  from?: string;

  @Field(() => String, { nullable: true, description: '至该日止 (含, yyyy-mm-dd)' })
  @IsOptional()
  @IsDay()
  to?: string;
}

@InputType('TrainingAttendanceInput', { description: '登记参训人员 (已登记的不重复计)' })
export class TrainingAttendanceInput {
  @Field(() => ID, { description: '培训期次' })
  sessionId!: string;

  @Field(() => [ID], { nullable: true, description: '执法人员' })
  @IsOptional()
  @ArrayMaxSize(500)
  officerIds?: string[];

  @Field(() => [ID], { nullable: true, description: '环保网格员' })
  @IsOptional()
  @ArrayMaxSize(500)
  gridWorkerIds?: string[];
}
