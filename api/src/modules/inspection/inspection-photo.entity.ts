import { Entity, Index, ManyToOne } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { StoredFile } from '../evidence/evidence.entity';

/** A photo (or document) of an inspection, in the same evidence storage as case evidence. */
@ObjectType('InspectionPhoto', { implements: BaseEntity, description: '现场检查照片或文档' })
@Entity({ tableName: 'inspection_photo' })
@Index({ properties: ['inspectionId', 'id'] })
export class InspectionPhoto extends StoredFile {
  @ManyToOne({ entity: 'Inspection', mapToPk: true, fieldName: 'inspection_id' })
  inspectionId!: number;

  @Field(() => String, { description: '下载地址 (仅可查看该检查记录者可访问)' })
  get url(): string {
    return `/inspection-photos/${this.id}`;
  }
}
