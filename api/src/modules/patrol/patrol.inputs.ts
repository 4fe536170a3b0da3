import { IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { GridKind, GridLevel } from '../../common/enums';
import { GeoPointInput } from '../grid/grid.inputs';

@InputType('SetPatrolRuleInput', { description: '设置巡查频次规则 (全市)' })
export class SetPatrolRuleInput {
  @Field(() => GridLevel)
  gridLevel!: GridLevel;

  @Field(() => GridKind)
  gridKind!: GridKind;

  @Field(() => Int, { description: '每月巡查次数 (0-31)' })
  @Min(0)
  @Max(31)
  timesPerMonth!: number;
}

@InputType('CheckInInput', { description: '巡查打卡' })
export class CheckInInput {
  @Field(() => ID, { description: '巡查的网格' })
  gridId!: string;

  @Field(() => GeoPointInput, { description: '打卡位置' })
  @ValidateNested()
  location!: GeoPointInput;

  @Field(() => String, { nullable: true, description: '巡查情况' })
  @IsOptional()
  @Length(1, 1000)
  notes?: string;

  @Field(() => String, { nullable: true, description: '幂等键 (客户端生成的UUID): 重发得到同一打卡记录; 同一键不同内容返回 CONFLICT' })
  @IsOptional()
  @Length(1, 100)
  idempotencyKey?: string;

  @Field(() => Date, { nullable: true, description: '手机上记录的打卡时间 (离线打卡后补传): 不得晚于服务器时间5分钟以上, 不得早于7天; 不填为服务器时间' })
  @IsOptional()
  observedAt?: Date;
}

@InputType('PatrolPlanFilter')
export class PatrolPlanFilter {
  @Field(() => String, { description: '月份 YYYY-MM' })
  month!: string;

  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => ID, { nullable: true })
  gridWorkerId?: string;

  @Field(() => Boolean, { nullable: true, description: '只看进度落后的 (已巡查少于按时间应完成的次数)' })
  behind?: boolean;
}

@InputType('PatrolCheckInFilter')
export class PatrolCheckInFilter {
  @Field(() => String, { nullable: true, description: '月份 YYYY-MM' })
  month?: string;

  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => ID, { nullable: true })
  gridWorkerId?: string;

  @Field(() => Boolean, { nullable: true, description: '只看边界外 (true) 或边界内 (false) 的打卡' })
  outsideBoundary?: boolean;
}
