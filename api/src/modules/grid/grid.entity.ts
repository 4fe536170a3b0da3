import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import { BoundarySource, GridKind, GridLevel } from '../../common/enums';
import { BaseEntity, type ScopedEntity, type UnitScope, VersionedScopedEntity } from '../../common/base.entity';

@ObjectType('GeoPoint', { description: '坐标 (WGS-84 经纬度)' })
export class GeoPoint {
  @Field(() => Float, { description: '经度' })
  lng!: number;

  @Field(() => Float, { description: '纬度' })
  lat!: number;
}

@ObjectType('Grid', { implements: BaseEntity, description: '网格: 市、县区、乡镇街道(或城市管理网格)、村居四级之一' })
@Entity({ tableName: 'grid' })
@Index({ properties: ['parentId', 'code'] })
// Trigram index for search by name (pg_trgm is created by the first migration).
@Index({ name: 'grid_name_trgm_index', expression: 'create index "grid_name_trgm_index" on "grid" using gin ("name" gin_trgm_ops)' })
export class Grid extends VersionedScopedEntity {
  @Field(() => String, {
    description: '网格编码: 12位统计用区划代码; 城市管理网格为所在街道区划代码加序号',
  })
  @Property({ type: 'string', length: 24, unique: true })
  code!: string;

  @Field(() => String, { description: '名称' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => GridLevel)
  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level' })
  level!: GridLevel;

  @Field(() => GridKind)
  @Enum({ items: () => GridKind, nativeEnumName: 'grid_kind' })
  kind!: GridKind;

  @ManyToOne({ entity: () => Grid, mapToPk: true, fieldName: 'parent_id', nullable: true })
  parentId?: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '边界 (GeoJSON Polygon/MultiPolygon)' })
  @Property({ type: 'json', nullable: true, lazy: true })
  boundary?: Record<string, unknown> | null;

  /** Null when the grid has no boundary; APPROXIMATED boundaries are shown as 示意 on the map. */
  @Field(() => BoundarySource, { nullable: true, description: '边界来源 (示意边界不是权威划界)' })
  @Enum({ items: () => BoundarySource, nativeEnumName: 'boundary_source', nullable: true })
  boundarySource?: BoundarySource | null = null;

  @Property({ type: 'double', nullable: true })
  centroidLng?: number | null;

  @Property({ type: 'double', nullable: true })
  centroidLat?: number | null;

  @Field(() => GeoPoint, { nullable: true, name: 'centroid', description: '中心点' })
  get centroid(): GeoPoint | null {
    return this.centroidLng == null || this.centroidLat == null
      ? null
      : { lng: this.centroidLng, lat: this.centroidLat };
  }

  @Field(() => Boolean, { description: '是否在用; 撤销的网格保留历史记录' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => Boolean, {
    description: '划分是否为示意 (方案附件1未公开, 种子数据中的分配为示意)',
  })
  @Property({ type: 'boolean', default: false })
  illustrative: boolean = false;

  /**
   * Whether the unit runs a digital city-management platform (数字化城管平台): its operators
   * file and dispatch cases. Elsewhere cases are handled at their own grid level and go up
   * one level when they cannot be (the plan's 无数字化城市管理平台 path). The effective value:
   * the grid's own setting, else its township's, else its county's (kept by the grid service,
   * grid.sql.ts `refreshPlatformFlags`), so every reader takes it from the row.
   */
  @Field(() => Boolean, { description: '是否有数字化城管平台 (生效值: 本网格设置, 否则继承所在乡镇街道、县区; 有: 坐席立卷派遣; 无: 本级办理, 不能处理的上报上一级网格)' })
  @Property({ type: 'boolean', default: false })
  hasPlatform: boolean = false;

  /** The grid's own setting of the platform flag; null when it inherits it. */
  @Field(() => Boolean, { nullable: true, name: 'hasPlatformSetting', description: '本网格对数字化城管平台的显式设置 (空: 继承上级)' })
  @Property({ type: 'boolean', nullable: true, fieldName: 'has_platform_set' })
  hasPlatformSet?: boolean | null = null;

  /** Since when the grid holds its present code, name and parent (null: since it was put on file). */
  @Field(() => Date, { nullable: true, description: '现编码、名称、上级的生效时间 (空: 自建档起)' })
  @Property({ type: 'timestamptz', nullable: true })
  validFrom?: Date | null = null;

  /** The scope columns a row attached to this grid inherits. */
  get scope(): UnitScope {
    return { cityId: this.cityId, countyId: this.countyId ?? null, townshipId: this.townshipId ?? null };
  }

  /**
   * The cases this unit handles: what lets a unit read the one it escalated a case to (grid.policy.ts).
   * Named by string and typed by its scope columns only: case/ sits above grid/ and grid/ imports nothing of it.
   */
  @OneToMany({ entity: 'Case', mappedBy: 'handlingUnitId' })
  handledCases = new Collection<ScopedEntity>(this);

}
