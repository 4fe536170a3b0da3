import { Collection, Entity, Enum, ManyToMany } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Grid } from '../grid/grid.entity';
import { BaseEntity } from '../../common/base.entity';
import { Person } from './person.entity';
import { Employment } from '@gridwatch/domain';

registerEnumType(Employment, { name: 'Employment', description: '专职 FULL_TIME / 兼职 PART_TIME (如经培训的城管监督员)' });

@ObjectType('GridWorker', { implements: [BaseEntity, Person], description: '环保网格员, 由乡镇街道聘用, 负责三、四级网格巡查' })
@Entity({ tableName: 'grid_worker' })
export class GridWorker extends Person {
  @Field(() => Employment)
  @Enum({ items: () => Employment, nativeEnumName: 'employment' })
  employment!: Employment;

  @ManyToMany({ entity: () => Grid, pivotTable: 'grid_worker_grid', joinColumn: 'grid_worker_id', inverseJoinColumn: 'grid_id' })
  grids = new Collection<Grid>(this);
}

export { Employment };
