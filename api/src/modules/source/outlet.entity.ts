import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { outletMedium } from '@gridwatch/domain';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';

export enum OutletMedium {
  AIR = 'AIR',
  WATER = 'WATER',
}
registerEnumType(OutletMedium, { name: 'OutletMedium', description: '排放口环境要素: AIR 废气 (DA), WATER 废水 (DW)' });

/**
 * 排放口: a discharge outlet of a pollution source, coded by HJ 608-2017 (DA001 air, DW001
 * water, numbered within the source). It carries its source's scope columns and grid, so the
 * territory applies to it directly (scope filter and row-level security alike).
 */
@ObjectType('DischargeOutlet', { implements: BaseEntity, description: '排放口 (HJ 608-2017)' })
@Entity({ tableName: 'discharge_outlet' })
@Unique({ properties: ['sourceId', 'code'] })
export class DischargeOutlet extends VersionedScopedEntity {
  @ManyToOne({ entity: 'PollutionSource', mapToPk: true, fieldName: 'source_id' })
  sourceId!: number;

  /** The source's grid, copied so that a village's scope is one equality. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id', index: true })
  gridId!: number;

  @Field(() => String, { description: '排放口编码: DA (废气) 或 DW (废水) + 3位顺序码, 如 DA001' })
  @Property({ type: 'string', length: 5 })
  code!: string;

  @Field(() => String, { description: '名称, 如 锅炉废气排放口' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => OutletMedium, { description: '环境要素 (由编码第2位定)' })
  get medium(): OutletMedium {
    return outletMedium(this.code) === 'AIR' ? OutletMedium.AIR : OutletMedium.WATER;
  }

  @Field(() => Int, { description: '版本号: 修改时带上, 防止并发覆盖' })
  override version!: number;
}
