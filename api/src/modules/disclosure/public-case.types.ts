import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('PublicCase', { description: '公开的已结案件 (脱敏: 无投诉人姓名、电话、详细地址, 位置只到乡镇街道)' })
export class PublicCase {
  @Field(() => String, { nullable: true, description: '案件编号 (市里公开该字段时)' })
  number!: string | null;

  @Field(() => String, { description: '类别代码' })
  categoryCode!: string;

  @Field(() => String, { description: '类别' })
  category!: string;

  @Field(() => String, { nullable: true, description: '区县网格代码' })
  countyCode!: string | null;

  @Field(() => String, { nullable: true, description: '区县' })
  county!: string | null;

  @Field(() => String, { nullable: true, description: '乡镇街道 (位置只公开到此级)' })
  township!: string | null;

  @Field(() => String, { description: '上报日期 (北京时间)' })
  reportedOn!: string;

  @Field(() => String, { nullable: true, description: '结案日期 (北京时间)' })
  closedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否按期结案; 空: 无处置时限' })
  onTime!: boolean | null;

  @Field(() => String, { nullable: true, description: '问题描述 (市里公开该字段时)' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: '办理单位 (市里公开该字段时)' })
  handlingUnit!: string | null;
}

@ObjectType('PublicCasePage', { description: '公开案件一页 (按编号新到旧)' })
export class PublicCasePage {
  @Field(() => [PublicCase])
  nodes!: PublicCase[];

  @Field(() => String, { nullable: true, description: '下一页的 after' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasMore!: boolean;
}

@ObjectType('PublicOnTimeRate', { description: '各区县按期结案率 (公开案件范围内)' })
export class PublicOnTimeRate {
  @Field(() => String, { nullable: true, description: '区县网格代码' })
  countyCode!: string | null;

  @Field(() => String, { nullable: true, description: '区县' })
  county!: string | null;

  @Field(() => Int, { description: '公开的已结案件数' })
  closed!: number;

  @Field(() => Int, { description: '其中有处置时限的' })
  withDeadline!: number;

  @Field(() => Int, { description: '按期结案数' })
  onTime!: number;

  @Field(() => Float, { nullable: true, description: '按期结案率 % (按期 / 有处置时限); 空: 无可计' })
  rate!: number | null;
}
