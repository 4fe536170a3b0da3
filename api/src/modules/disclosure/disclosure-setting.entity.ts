import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/global-id';
import { DisclosedField } from './disclosure.enums';

/**
 * What the city publishes of closed cases (公开): one row, city-wide configuration like the
 * time limits. Absent, or without a start day, nothing is published (the conservative default).
 * The anonymous read goes through gw_public_cases (Migration20261206050100_public_disclosure).
 */
@ObjectType('DisclosureSetting', { description: '信息公开设置 (市级): 公开哪些类别、哪些字段、自哪一天起' })
@Entity({ tableName: 'disclosure_setting' })
export class DisclosureSetting {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'array', columnType: 'int[]', default: '{}' })
  categoryIds: number[] = [];

  @Field(() => [ID], { name: 'categoryIds', description: '公开的案件类别' })
  get categoryGlobalIds(): string[] {
    return this.categoryIds.map((id) => toGlobalId('CaseCategory', id));
  }

  @Field(() => [DisclosedField], { description: '除类别、区县、乡镇街道、日期、是否按期外另行公开的字段' })
  @Property({ type: 'array', columnType: 'text[]', default: '{}' })
  fields: DisclosedField[] = [];

  @Field(() => String, { nullable: true, description: '自该日 (北京时间 YYYY-MM-DD) 起上报的已结案件予以公开; 空: 不公开' })
  @Property({ type: 'string', length: 10, nullable: true })
  publishedFrom?: string | null;

  @Field(() => Date, { description: '更新时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'updated_by_id', nullable: true })
  updatedById?: number | null;
}
