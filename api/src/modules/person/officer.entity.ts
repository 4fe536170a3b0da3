import { Collection, Entity, ManyToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Grid } from '../grid/grid.entity';
import { BaseEntity } from '../../common/base.entity';
import { Person } from './person.entity';

@ObjectType('Officer', { implements: [BaseEntity, Person], description: '执法人员 (市、县区、乡镇街道级)' })
@Entity({ tableName: 'officer' })
export class Officer extends Person {
  @Field(() => String, { nullable: true, description: '执法证号' })
  @Property({ type: 'string', length: 40, nullable: true })
  badgeNumber?: string | null;

  @ManyToMany({ entity: () => Grid, pivotTable: 'officer_grid', joinColumn: 'officer_id', inverseJoinColumn: 'grid_id' })
  grids = new Collection<Grid>(this);
}
