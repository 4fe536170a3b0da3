import { BigIntType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

/**
 * A county's chain head signed by the server (Ed25519): daily by the scheduler and on demand.
 * `payload` is the signed text itself, so a verifier checks the signature over exactly these bytes.
 * Written only by the scheduler (the owner login); read under row-level security.
 */
@ObjectType('ChainCheckpoint', { implements: BaseEntity, description: '哈希链签名检查点 (每日及按需, 每县区一条链)' })
@Entity({ tableName: 'chain_checkpoint' })
@Unique({ properties: ['countyId', 'seq'] })
@Index({ properties: ['cityId'] })
export class ChainCheckpoint extends ScopedEntity {
  /** The county itself: the village-level anchor of the scope columns (no village sees it). */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => String, { description: '检查点日期 (北京时间 YYYY-MM-DD)' })
  @Property({ type: 'string', length: 10 })
  day!: string;

  @Field(() => Int, { description: '链头序号: 截至该检查点的事件数' })
  @Property({ type: new BigIntType('number') })
  seq!: number;

  @Field(() => String, { description: '链头哈希' })
  @Property({ type: 'string', length: 64 })
  headHash!: string;

  @Field(() => String, { description: '签名密钥编号 (见 chainSigningKeys)' })
  @Property({ type: 'string', length: 64 })
  keyId!: string;

  @Field(() => String, { description: '被签名的原文 (JSON)' })
  @Property({ type: 'text' })
  payload!: string;

  @Field(() => String, { description: 'Ed25519 签名 (base64)' })
  @Property({ type: 'text' })
  signature!: string;

  @Field(() => Date, { description: '签名时间' })
  @Property({ type: 'timestamptz' })
  signedAt!: Date;
}
