import { ArrayType, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import { SupervisionLevel } from '../source/source.enums';

/**
 * 重大活动 / 敏感时期 (a summit, the straw-burning season): between two dates, inspections of
 * the chosen sources and patrols of the chosen grids are more frequent. Defined by the city
 * (anywhere) or a county (within it); the scope columns are those of the defining unit.
 */
@ObjectType('SensitivePeriod', { implements: BaseEntity, description: '重大活动/敏感时期: 期间内对所选单位 (及行业, 监管等级) 提高检查与巡查频次' })
@Entity({ tableName: 'sensitive_period' })
@Index({ properties: ['startsOn', 'endsOn'] })
export class SensitivePeriod extends VersionedScopedEntity {
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id' })
  unitId!: number;

  @Field(() => String, { description: '名称, 如 秸秆禁烧期' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: '开始日期 yyyy-mm-dd (含)' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => String, { description: '结束日期 yyyy-mm-dd (含)' })
  @Property({ type: 'date' })
  endsOn!: string;

  /** Roots of the grid subtrees it covers. */
  @Property({ type: new ArrayType<number>((n) => Number(n)), columnType: 'int[]' })
  gridIds!: number[];

  @Field(() => [String], { description: '限定行业 (空: 全部行业)' })
  @Property({ type: new ArrayType(), columnType: 'text[]', default: '{}' })
  industries: string[] = [];

  @Field(() => [SupervisionLevel], { description: '限定监管等级 (空: 全部等级)' })
  @Property({ type: new ArrayType<SupervisionLevel>((s) => s as SupervisionLevel), columnType: 'text[]', default: '{}' })
  levels: SupervisionLevel[] = [];

  @Field(() => Float, { description: '检查频次倍数 (2 = 检查间隔减半)' })
  @Property({ type: 'double' })
  inspectionFactor!: number;

  @Field(() => Float, { description: '巡查频次倍数 (2 = 每月巡查次数加倍)' })
  @Property({ type: 'double' })
  patrolFactor!: number;

  @Field(() => Boolean, { description: '是否有效 (撤销后为否)' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => Int, { description: '版本号: 修改时带上' })
  override version!: number;
}
