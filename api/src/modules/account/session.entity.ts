import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';

/** A browser session. Only the SHA-256 of the cookie token is stored. */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'account_id', index: true, deleteRule: 'cascade' })
  accountId!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
