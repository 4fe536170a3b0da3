import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';
import { TaskOrigin, TaskStatus } from './plan.enums';

/**
 * A task on a grid for an officer or grid worker: a line of an enforcement plan, or a
 * non-planned task (上级批示交办, 群众投诉举报, 其他单位移送) with a deadline. A task can be
 * decomposed into subtasks (parentId) for lower grids and other people.
 */
@ObjectType('WorkTask', { implements: BaseEntity, description: '任务: 计划任务或非计划任务 (上级批示交办, 群众投诉举报, 其他单位移送), 可分解为子任务' })
@Entity({ tableName: 'work_task' })
@Index({ properties: ['planId', 'id'] })
@Index({ properties: ['parentId', 'id'] })
@Index({ properties: ['status', 'dueAt'] })
export class WorkTask extends VersionedScopedEntity {
  @ManyToOne({ entity: 'EnforcementPlan', mapToPk: true, fieldName: 'plan_id', nullable: true })
  planId?: number | null;

  @ManyToOne({ entity: () => WorkTask, mapToPk: true, fieldName: 'parent_id', nullable: true })
  parentId?: number | null;

  @Field(() => TaskOrigin)
  @Enum({ items: () => TaskOrigin, nativeEnumName: 'task_origin' })
  origin!: TaskOrigin;

  @Field(() => String, { description: '标题' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: '内容' })
  @Property({ type: 'string', length: 2000, nullable: true })
  description?: string | null;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @ManyToOne({ entity: 'Officer', mapToPk: true, fieldName: 'officer_id', nullable: true })
  officerId?: number | null;

  @ManyToOne({ entity: 'GridWorker', mapToPk: true, fieldName: 'grid_worker_id', nullable: true })
  gridWorkerId?: number | null;

  @Field(() => Date, { nullable: true, description: '办理期限' })
  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus, nativeEnumName: 'task_status' })
  status: TaskStatus = TaskStatus.OPEN;

  @Field(() => Date, { nullable: true, description: '完成时间' })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '办理结果' })
  @Property({ type: 'string', length: 2000, nullable: true })
  result?: string | null;

  /** The unit that issued the task (交办单位). */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'issued_by_unit_id' })
  issuedByUnitId!: number;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'created_by_id', nullable: true })
  createdById?: number | null;
}
