import { ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './global-id';

/** Integer keys inside, opaque typed ids (`Grid:42` in base64url) outside. The class name is the type name. */
@InterfaceType('Node', { description: 'Anything with an opaque, typed global id' })
export abstract class BaseEntity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}

/**
 * Every tenant row carries the ids of its unit's ancestors at the three administrative
 * levels (self-inclusive for grids). "This unit and everything below it" is then one
 * equality on an indexed column (`county_id = $1`), which CASL rules, SQL filters and
 * row-level security all express the same way. The grid is four levels by design
 * (市 → 县区 → 乡镇街道 → 村居), so three columns are the whole ancestry above a village.
 */
export abstract class ScopedEntity extends BaseEntity {
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'city_id', index: true })
  cityId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'county_id', nullable: true, index: true })
  countyId?: number | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'township_id', nullable: true, index: true })
  townshipId?: number | null;
}

/** Created/updated stamps and an optimistic-lock version for records edited through the API. */
export abstract class VersionedScopedEntity extends ScopedEntity {
  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The scope columns of a unit, copied onto rows attached to it. */
export interface UnitScope {
  cityId: number;
  countyId: number | null;
  townshipId: number | null;
}
