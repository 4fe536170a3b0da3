import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NameText } from '../../common/name-text';

/** cn.gridwatch.case.<action> or cn.gridwatch.alert.<kind>, lower case (docs/webhooks.md). */
export const EVENT_TYPE = /^cn\.gridwatch\.(case|alert)\.[a-z_]{2,40}$/;

@InputType('CreateWebhookEndpointInput', { description: '新建 Webhook 推送地址' })
export class CreateWebhookEndpointInput {
  @Field(() => ID, { description: '登记单位 (只推送其辖区内的事件)' })
  unitId!: string;

  @Field(() => String, { description: '名称' })
  @NameText()
  @Length(1, 100)
  name!: string;

  @Field(() => String, { description: '接收地址 (http 或 https)' })
  @Length(8, 2000)
  url!: string;

  @Field(() => [String], { nullable: true, description: '订阅的事件类型, 如 cn.gridwatch.case.dispatch (空: 全部)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE, { each: true })
  eventTypes?: string[];
}

@InputType('UpdateWebhookEndpointInput', { description: '修改 Webhook 推送地址 (重新启用时清除失败记录)' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @NameText()
  @Length(1, 100)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 2000)
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE, { each: true })
  eventTypes?: string[];

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  enabled?: boolean;
}

@InputType('ReplayWebhookDeliveriesInput', { description: '重新投递: 某一事件, 或某时段内的事件' })
export class ReplayWebhookDeliveriesInput {
  @Field(() => ID)
  endpointId!: string;

  @Field(() => String, { nullable: true, description: '事件 id (webhook-id, 如 evt_123)' })
  @IsOptional()
  @Length(1, 40)
  eventId?: string;

  @Field(() => Date, { nullable: true, description: '事件时间起 (含)' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: '事件时间止 (不含)' })
  to?: Date;
}
