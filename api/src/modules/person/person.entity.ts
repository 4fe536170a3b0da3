import { ManyToOne, Property } from '@mikro-orm/core';
import { Field, InterfaceType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';

/** What officers and grid workers share: a named person employed by a unit and attached to grids. */
@InterfaceType('Person', { implements: BaseEntity, description: '人员: 执法人员或环保网格员' })
export abstract class Person extends VersionedScopedEntity {
  @Field(() => String, { description: '姓名' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  /** Personal phone: sensitive, resolved through the person resolver's permission check. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string | null;

  /** The unit that employs the person (用人单位); the scope columns come from it. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'employer_unit_id', index: true })
  employerUnitId!: number;

  @Field(() => Boolean, { description: '是否在岗' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
