import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * One run of consecutive events of a county's chain in a month that was archived (pnpm
 * events:archive): its seq range and the hashes at both ends, so a verifier links the events
 * that remain to those archived before them without the archive file.
 */
@ObjectType('ArchivedEventRun', { description: '已归档月份中一条哈希链的连续区段 (序号范围及两端哈希)' })
export class ArchivedEventRun {
  @Field(() => Int, { description: '链编号: 县区网格的内部编号, 同检查点的 chainKey; 0 为市级' })
  chainKey!: number;

  @Field(() => ID, { nullable: true, description: '县区网格 (市级链为空)' })
  county!: string | null;

  @Field(() => String, { description: '归档月份 (北京时间 YYYY-MM)' })
  month!: string;

  @Field(() => Int, { description: '区段首个事件的链序号' })
  firstSeq!: number;

  @Field(() => Int, { description: '区段最后事件的链序号' })
  lastSeq!: number;

  @Field(() => String, { description: '区段首个事件的 previousHash' })
  firstPreviousHash!: string;

  @Field(() => String, { description: '区段最后事件的哈希' })
  lastHash!: string;

  @Field(() => Int, { description: '区段内事件数' })
  events!: number;
}
