import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Grid } from '../grid/grid.entity';

@ObjectType('CoverageGap', { description: '无人员覆盖的网格' })
export class CoverageGap {
  gridId!: number;

  @Field(() => Int, { description: '执法人员数 (本网格或所在乡镇街道网格)' })
  officers!: number;

  @Field(() => Int, { description: '环保网格员数' })
  gridWorkers!: number;
}

@ObjectType('PatrolWorkerProgress', { description: '网格员本月巡查进度' })
export class PatrolWorkerProgress {
  gridWorkerId!: number;

  @Field(() => Int, { description: '计划次数' })
  required!: number;

  @Field(() => Int, { description: '已完成 (每个网格计至计划次数为止)' })
  done!: number;

  @Field(() => Int, { description: '按已过时间应完成的次数' })
  expected!: number;
}

@ObjectType('Coverage', { description: '覆盖情况: 无执法人员或网格员的网格, 巡查进度落后的网格员' })
export class Coverage {
  @Field(() => Grid, { description: '统计单位' })
  unit!: Grid;

  @Field(() => String, { description: '月份 YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: '统计的三、四级在用网格数' })
  gridCount!: number;

  @Field(() => Int, { description: '无执法人员或无网格员的网格数' })
  gapCount!: number;

  @Field(() => [CoverageGap], { description: '无人员覆盖的网格 (按编号, 至多 first 个)' })
  gaps!: CoverageGap[];

  @Field(() => Int, { description: '本月有巡查计划的网格员数' })
  plannedWorkers!: number;

  @Field(() => Int, { description: '进度落后的网格员数' })
  behindCount!: number;

  @Field(() => [PatrolWorkerProgress], { description: '进度落后的网格员 (落后最多的在前, 至多 first 个)' })
  workersBehind!: PatrolWorkerProgress[];

  @Field(() => Int, { description: '本月计划巡查总次数' })
  requiredPatrols!: number;

  @Field(() => Int, { description: '已完成巡查次数 (每个计划计至计划次数为止)' })
  donePatrols!: number;

  @Field(() => Float, { nullable: true, description: '巡查频次完成率 (已完成 / 计划; 无计划时为空)' })
  completionRate!: number | null;
}
