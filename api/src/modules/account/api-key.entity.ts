import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ApiKeyScope } from '../../common/api-key-scope';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';

/**
 * A credential of a third-party system (数字城管, provincial platforms). Only the SHA-256
 * of the secret is stored; the prefix identifies the key in lists and audits.
 */
@ObjectType('ApiKey', { implements: BaseEntity, description: '第三方接口密钥 (只在创建时显示一次)' })
@Entity({ tableName: 'api_key' })
export class ApiKey extends VersionedScopedEntity {
  @Field(() => String, { description: '名称, 如 数字城管平台' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: '可见前缀 gwk_xxxxxxxx' })
  @Property({ type: 'string', length: 20, unique: true })
  prefix!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  secretHash!: string;

  @Field(() => [ApiKeyScope])
  @Enum({ items: () => ApiKeyScope, array: true, nativeEnumName: 'api_key_scope' })
  scopes!: ApiKeyScope[];

  /** The unit whose subtree the key reaches. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id', index: true })
  unitId!: number;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => Int, { description: '每分钟请求上限' })
  @Property({ type: 'integer', default: 600 })
  rateLimitPerMinute: number = 600;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
