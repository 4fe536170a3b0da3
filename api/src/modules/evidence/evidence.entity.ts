import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

export enum EvidenceStage {
  REPORT = 'REPORT',
  FEEDBACK = 'FEEDBACK',
  VERIFY = 'VERIFY',
}
registerEnumType(EvidenceStage, { name: 'EvidenceStage', description: '环节: 上报 (整改前), 结果反馈, 核实 (整改后)' });

/**
 * A stored photo or document: the bytes live in the evidence storage under their SHA-256;
 * the row keeps what was read from them. Case evidence and inspection photos share it.
 */
// Decorated so subclasses inherit its GraphQL fields; never referenced, so never emitted.
@ObjectType('StoredFile')
export abstract class StoredFile extends ScopedEntity {
  /** The grid of the record it belongs to, so grid workers and officers see the files of their grids. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => String, { description: '文件名' })
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @Field(() => String, { description: '类型 (按文件内容识别)' })
  @Property({ type: 'string', length: 60 })
  mimeType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 (十六进制)' })
  @Property({ type: 'string', length: 64, index: true })
  sha256!: string;

  @Field(() => Date, { nullable: true, description: '拍摄时间 (EXIF)' })
  @Property({ type: 'timestamptz', nullable: true })
  takenAt?: Date | null;

  @Field(() => Float, { nullable: true, description: '拍摄经度 (EXIF GPS)' })
  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Field(() => Float, { nullable: true, description: '拍摄纬度 (EXIF GPS)' })
  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'uploaded_by_id', nullable: true })
  uploadedById?: number | null;

  @Field(() => Date, { description: '上传时间' })
  @Property({ type: 'timestamptz' })
  at!: Date;
}

/** A photo or document attached to a case step. */
@ObjectType('CaseEvidence', { implements: BaseEntity, description: '证据材料: 照片或文档' })
@Entity({ tableName: 'case_evidence' })
@Index({ properties: ['caseId', 'id'] })
export class CaseEvidence extends StoredFile {
  @ManyToOne({ entity: 'Case', mapToPk: true, fieldName: 'case_id' })
  caseId!: number;

  @Field(() => EvidenceStage)
  @Enum({ items: () => EvidenceStage, nativeEnumName: 'evidence_stage' })
  stage!: EvidenceStage;

  @Field(() => String, { description: '下载地址 (仅可查看该案件者可访问)' })
  get url(): string {
    return `/evidence/${this.id}`;
  }
}
