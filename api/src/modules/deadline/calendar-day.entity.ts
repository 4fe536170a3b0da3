import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';

/**
 * A day that breaks the Monday-to-Friday rule: a public holiday (working = false) or a
 * swapped working day 调休 (working = true). Seeded from `chinese-days`; admins add more.
 */
@ObjectType('CalendarDay', { implements: BaseEntity, description: '节假日与调休工作日' })
@Entity({ tableName: 'calendar_day' })
export class CalendarDay extends BaseEntity {
  @Field(() => String, { description: '日期 yyyy-mm-dd (北京时间)' })
  @Property({ type: 'date', unique: true })
  day!: string;

  @Field(() => Boolean, { description: '是否上班 (调休工作日为是, 节假日为否)' })
  @Property({ type: 'boolean' })
  working!: boolean;

  @Field(() => String, { description: '名称, 如 春节' })
  @Property({ type: 'string', length: 40 })
  name!: string;

  @Field(() => String, { description: '来源: chinese-days 版本, 或 admin' })
  @Property({ type: 'string', length: 40 })
  source!: string;
}
