import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity, VersionedScopedEntity } from '../../common/base.entity';
import { GridLevel } from '../../common/enums';
import { TrainingAudience, TrainingTopic } from './training.enums';

/**
 * A course (分级分类轮训): organised by a unit at city, county or township level (分级), on a
 * topic (分类). The scope columns are those of the organising unit.
 */
@ObjectType('TrainingCourse', { implements: BaseEntity, description: '培训课程 (分级分类轮训): 由市, 县区或乡镇街道组织' })
@Entity({ tableName: 'training_course' })
export class TrainingCourse extends VersionedScopedEntity {
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id', index: true })
  unitId!: number;

  @Field(() => GridLevel, { description: '组织级别 (组织单位的级别: 市, 县区, 乡镇街道)' })
  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level' })
  level!: GridLevel;

  @Field(() => String, { description: '课程名称' })
  @Property({ type: 'string', length: 100 })
  title!: string;

  @Field(() => TrainingTopic, { description: '培训类别' })
  @Enum({ items: () => TrainingTopic, nativeEnumName: 'training_topic' })
  topic!: TrainingTopic;

  @Field(() => TrainingAudience, { description: '培训对象' })
  @Enum({ items: () => TrainingAudience, nativeEnumName: 'training_audience' })
  audience!: TrainingAudience;

  @Field(() => Boolean, { description: '是否有效' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => Int, { description: '版本号: 修改时带上' })
  override version!: number;
}

/** One session (期次) of a course: a day, a place, the unit that holds it (the course's). */
@ObjectType('TrainingSession', { implements: BaseEntity, description: '培训期次: 日期, 地点, 组织单位' })
@Entity({ tableName: 'training_session' })
@Index({ properties: ['heldOn'] })
export class TrainingSession extends VersionedScopedEntity {
  @ManyToOne({ entity: 'TrainingCourse', mapToPk: true, fieldName: 'course_id', index: true })
  courseId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id', index: true })
  unitId!: number;

  @Field(() => String, { description: '培训日期 yyyy-mm-dd (北京时间)' })
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => String, { description: '培训地点' })
  @Property({ type: 'string', length: 200 })
  place!: string;

  @Field(() => Int, { description: '学时 (小时)' })
  @Property({ type: 'integer', default: 1 })
  hours: number = 1;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;

  @Field(() => Int, { description: '版本号: 修改时带上' })
  override version!: number;
}

/**
 * One person's attendance at a session: an officer or a grid worker (exactly one). The scope
 * columns are the attendee's (the coverage of a unit counts its own people, wherever they were
 * trained); the session's organisers read it through the session (row-level security).
 */
@ObjectType('TrainingAttendance', { implements: BaseEntity, description: '参训记录: 一名执法人员或环保网格员参加一期培训' })
@Entity({ tableName: 'training_attendance' })
@Unique({ properties: ['sessionId', 'officerId'] })
@Unique({ properties: ['sessionId', 'gridWorkerId'] })
export class TrainingAttendance extends ScopedEntity {
  @ManyToOne({ entity: 'TrainingSession', mapToPk: true, fieldName: 'session_id', index: true })
  sessionId!: number;

  /** The organising unit of the session, so its policy can name it without a join. */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'session_unit_id', index: true })
  sessionUnitId!: number;

  /** The attendee's employer unit (the village-level key of the scope). */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'attendee_unit_id' })
  attendeeUnitId!: number;

  @ManyToOne({ entity: 'Officer', mapToPk: true, fieldName: 'officer_id', nullable: true, index: true })
  officerId?: number | null;

  @ManyToOne({ entity: 'GridWorker', mapToPk: true, fieldName: 'grid_worker_id', nullable: true, index: true })
  gridWorkerId?: number | null;

  @Field(() => Date, { description: '登记时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'recorded_by_id', nullable: true })
  recordedById?: number | null;
}
