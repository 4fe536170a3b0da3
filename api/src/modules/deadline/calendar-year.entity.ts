import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A year whose official schedule (国务院办公厅 holiday notice) is loaded. Working-day deadlines
 * counted through a year without a row are provisional: weekdays only, recomputed on loading.
 */
@ObjectType('CalendarYear', { description: '已导入节假日安排的年份' })
@Entity({ tableName: 'calendar_year' })
export class CalendarYear {
  @Field(() => Int, { description: '年份' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Field(() => String, { description: '来源: chinese-days 版本, 或 admin (市管理员导入)' })
  @Property({ type: 'string', length: 60 })
  source!: string;

  @Field(() => Date, { description: '导入时间' })
  @Property({ type: 'timestamptz' })
  loadedAt!: Date;

  @Property({ type: 'integer', nullable: true })
  loadedById?: number | null;
}
