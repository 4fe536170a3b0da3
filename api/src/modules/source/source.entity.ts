import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import { SourceStatus, SourceType, SupervisionLevel } from './source.enums';

@ObjectType('PollutionSource', { implements: BaseEntity, description: '污染源档案' })
@Entity({ tableName: 'pollution_source' })
@Index({ properties: ['gridId', 'id'] })
@Index({
  name: 'pollution_source_name_trgm_index',
  expression: 'create index "pollution_source_name_trgm_index" on "pollution_source" using gin ("name" gin_trgm_ops)',
})
export class PollutionSource extends VersionedScopedEntity {
  @Field(() => String, { description: '名称' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (18位, 含校验码); 同一单位的几处场所共用' })
  @Property({ type: 'string', length: 18, nullable: true, index: true })
  creditCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '污染源编码 (HJ 608-2017): 统一社会信用代码 (或无代码单位的 H9 代码) + 3位生产经营场所顺序码 + 1位标识码, 如 91130200699229617X001P',
  })
  @Property({ type: 'string', length: 22, nullable: true, unique: true })
  sourceCode?: string | null;

  @Field(() => SourceType)
  @Enum({ items: () => SourceType, nativeEnumName: 'source_type' })
  type!: SourceType;

  @Field(() => String, { nullable: true, description: '行业' })
  @Property({ type: 'string', length: 60, nullable: true })
  industry?: string | null;

  @Field(() => String, { nullable: true, description: '地址' })
  @Property({ type: 'string', length: 200, nullable: true })
  address?: string | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => SupervisionLevel)
  @Enum({ items: () => SupervisionLevel, nativeEnumName: 'supervision_level' })
  supervisionLevel!: SupervisionLevel;

  @Field(() => SourceStatus)
  @Enum({ items: () => SourceStatus, nativeEnumName: 'source_status' })
  status!: SourceStatus;

  @Field(() => Int, { description: '版本号: 修改、确认、不予确认时带上, 防止并发覆盖' })
  override version!: number;
}
