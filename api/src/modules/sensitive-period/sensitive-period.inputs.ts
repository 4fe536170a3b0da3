import { NameText } from '../../common/name-text';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsDay } from '../../common/day';
import { SupervisionLevel } from '../source/source.enums';

@InputType('SensitivePeriodInput', { description: '重大活动/敏感时期' })
export class SensitivePeriodInput {
  @Field(() => String, { description: '名称, 如 秸秆禁烧期, 某峰会' })
  @NameText()
  @Length(2, 100)
  name!: string;

  @Field(() => String, { description: '开始日期 yyyy-mm-dd (含)' })
  @IsDay()
  startsOn!: string;

  @Field(() => String, { description: '结束日期 yyyy-mm-dd (含)' })
  @IsDay()
  endsOn!: string;

  @Field(() => [ID], { description: '适用单位: 这些网格及其下级' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  gridIds!: string[];

  @Field(() => [String], { nullable: true, description: '限定行业 (不填: 全部)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 60, { each: true })
  industries?: string[];

  @Field(() => [SupervisionLevel], { nullable: true, description: '限定监管等级 (不填: 全部)' })
  @IsOptional()
  levels?: SupervisionLevel[];

  @Field(() => Float, { description: '检查频次倍数 (1-10; 2 = 检查间隔减半)' })
  @Min(1)
  @Max(10)
  inspectionFactor!: number;

  @Field(() => Float, { description: '巡查频次倍数 (1-10; 2 = 每月巡查次数加倍)' })
  @Min(1)
  @Max(10)
  patrolFactor!: number;
}

@InputType('SensitivePeriodFilter')
export class SensitivePeriodFilter {
  @Field(() => String, { nullable: true, description: '在该日有效的 (yyyy-mm-dd)' })
  @IsDay()
  activeOn?: string;
}
