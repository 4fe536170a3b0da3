import { ArrayType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';
import { SupervisionLevel } from '../source/source.enums';
import { InspectionResult } from './inspection.enums';

/** One on-site inspection (现场检查) of a pollution source, as recorded by the officer or city inspector. */
@ObjectType('Inspection', { implements: BaseEntity, description: '污染源现场检查记录' })
@Entity({ tableName: 'inspection' })
@Index({ properties: ['sourceId', 'inspectedOn'] })
export class Inspection extends ScopedEntity {
  @ManyToOne({ entity: 'PollutionSource', mapToPk: true, fieldName: 'source_id' })
  sourceId!: number;

  /** The source's grid at the time, so officers and grid workers see the inspections of their grids. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => String, { description: '检查日期 yyyy-mm-dd (北京时间)' })
  @Property({ type: 'date' })
  inspectedOn!: string;

  @Field(() => SupervisionLevel, { description: '检查时的监管等级' })
  @Enum({ items: () => SupervisionLevel, nativeEnumName: 'supervision_level' })
  supervisionLevel!: SupervisionLevel;

  @Field(() => InspectionResult)
  @Enum({ items: () => InspectionResult, nativeEnumName: 'inspection_result' })
  result!: InspectionResult;

  @Field(() => String, { description: '检查情况' })
  @Property({ type: 'text' })
  findings!: string;

  /** The officer who inspected (an account's person), when known. */
  @ManyToOne({ entity: 'Officer', mapToPk: true, fieldName: 'officer_id', nullable: true })
  officerId?: number | null;

  @Field(() => String, { description: '检查人 (当时的姓名)' })
  @Property({ type: 'string', length: 60 })
  inspectorName!: string;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'recorded_by_id', nullable: true })
  recordedById?: number | null;

  @Field(() => Date, { description: '录入时间' })
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  /** Cases opened from or linked to this inspection (same source or grid). */
  @Property({ type: new ArrayType<number>((n) => Number(n)), columnType: 'int[]', default: '{}' })
  caseIds: number[] = [];
}
