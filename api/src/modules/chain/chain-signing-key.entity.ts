import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** A public key the server signs checkpoints with; the private half never leaves `server_secret`. */
@ObjectType('ChainSigningKey', { description: '检查点签名公钥 (公开)' })
@Entity({ tableName: 'chain_signing_key' })
export class ChainSigningKey {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: '密钥编号: 公钥 (SPKI DER) 的 SHA-256 前 16 位十六进制' })
  @Property({ type: 'string', length: 64, unique: true })
  keyId!: string;

  @Field(() => String, { description: '算法 (Ed25519)' })
  @Property({ type: 'string', length: 20 })
  algorithm!: string;

  @Field(() => String, { description: '公钥 (PEM, SPKI)' })
  @Property({ type: 'text' })
  publicKey!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
