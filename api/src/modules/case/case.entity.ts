import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DepartmentField } from '../../common/enums';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import { CaseOrigin, CaseStatus, CaseUrgency } from './case.enums';

@ObjectType('Case', { implements: BaseEntity, description: '案件: 巡查发现或投诉、交办、移送的环境问题' })
@Entity({ tableName: 'case' })
@Index({ properties: ['gridId', 'id'] })
@Index({ properties: ['sourceId', 'id'] })
@Index({ properties: ['countyId', 'status', 'dueAt', 'id'] })
export class Case extends VersionedScopedEntity {
  @Field(() => String, { description: '案件编号, 如 340102-20261128-000123' })
  @Property({ type: 'string', length: 40, unique: true })
  number!: string;

  @Field(() => CaseOrigin)
  @Enum({ items: () => CaseOrigin, nativeEnumName: 'case_origin' })
  origin!: CaseOrigin;

  @ManyToOne({ entity: 'CaseCategory', mapToPk: true, fieldName: 'category_id' })
  categoryId!: number;

  /** The responsible field at report time (from the category); routing and department scope use it. */
  @Field(() => DepartmentField, { description: '责任部门职能' })
  @Enum({ items: () => DepartmentField, nativeEnumName: 'department_field' })
  field!: DepartmentField;

  @Field(() => CaseUrgency)
  @Enum({ items: () => CaseUrgency, nativeEnumName: 'case_urgency' })
  urgency!: CaseUrgency;

  @Field(() => String, { description: '问题描述' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: '地址' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @ManyToOne({ entity: 'PollutionSource', mapToPk: true, fieldName: 'source_id', nullable: true })
  sourceId?: number | null;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus, nativeEnumName: 'case_status' })
  status!: CaseStatus;

  /** Complainant (投诉人): sensitive, resolved only for roles that need it. */
  @Property({ type: 'string', length: 60, nullable: true })
  complainantName?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  complainantPhone?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'reported_by_id', nullable: true })
  reportedById?: number | null;

  @Field(() => Date, { description: '上报时间' })
  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  @Field(() => Date, { nullable: true, description: '当前环节时限' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '结案时间' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}
