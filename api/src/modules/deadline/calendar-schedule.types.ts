import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CalendarWarning', { description: '日历提醒: 尚未导入节假日安排的年份 (该年工作日时限为暂定)' })
export class CalendarWarning {
  @Field(() => Int)
  year!: number;

  @Field(() => String)
  message!: string;
}
