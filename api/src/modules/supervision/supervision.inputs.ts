import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AlertKind, AlertSubject } from './case-alert.entity';

@InputType('AlertFilter', { description: '提醒筛选' })
export class AlertFilter {
  @Field(() => [AlertKind], { nullable: true, description: '类型: 催办, 督办, 通报' })
  kind?: AlertKind[];

  @Field(() => [AlertSubject], { nullable: true, description: '对象: 案件, 任务, 督查整改意见' })
  subject?: AlertSubject[];

  @Field(() => Boolean, { nullable: true, description: '本人已读 (true) 或未读 (false)' })
  read?: boolean;

  @Field(() => Boolean, { nullable: true, description: '已签收 (true) 或未签收 (false)' })
  acknowledged?: boolean;

  @Field(() => ID, { nullable: true, description: '提醒的单位 (办理单位, 任务网格, 被督查单位)' })
  unitId?: string;
}

@InputType('AcknowledgeAlertInput', { description: '签收提醒' })
export class AcknowledgeAlertInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: '签收说明' })
  @IsOptional()
  @MaxLength(500)
  note?: string;
}
