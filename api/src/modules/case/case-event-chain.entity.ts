import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The head of one county's event chain, locked FOR UPDATE by the insert trigger so that
 * concurrent events of a county are chained one after another. Written only by the trigger.
 */
@Entity({ tableName: 'case_event_chain' })
export class CaseEventChain {
  /** The county's grid id, 0 for events without a county (city level). */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  chainKey!: number;

  @Property({ type: new BigIntType('number') })
  seq!: number;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
