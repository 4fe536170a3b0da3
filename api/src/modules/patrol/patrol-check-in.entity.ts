import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity, ScopedEntity } from '../../common/base.entity';

/**
 * 巡查打卡: one row per patrol of a grid by a grid worker. A check-in outside the grid's
 * boundary is kept and flagged (`outside_boundary`), and does not count toward the plan.
 */
@ObjectType('PatrolCheckIn', { implements: BaseEntity, description: '巡查打卡记录' })
@Entity({ tableName: 'patrol_check_in' })
@Index({ properties: ['gridWorkerId', 'at'] })
@Index({ properties: ['gridId', 'at'] })
@Unique({ properties: ['recordedById', 'idempotencyKey'] })
export class PatrolCheckIn extends ScopedEntity {
  @ManyToOne({ entity: 'GridWorker', mapToPk: true, fieldName: 'grid_worker_id' })
  gridWorkerId!: number;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'grid_id' })
  gridId!: number;

  @Field(() => Date, { description: '打卡时间 (手机记录的时间, 离线打卡后补传; 未提供时为服务器时间)' })
  @Property({ type: 'timestamptz' })
  at!: Date;

  /** When the server got it: later than `at` for a check-in made without a network. */
  @Field(() => Date, { description: '服务器收到时间' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  receivedAt!: Date;

  /** The phone's key for this check-in: a resend returns this row. */
  @Property({ type: 'string', length: 100, nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'double' })
  lng!: number;

  @Property({ type: 'double' })
  lat!: number;

  @Field(() => String, { nullable: true, description: '巡查情况' })
  @Property({ type: 'string', length: 1000, nullable: true })
  notes?: string | null;

  @Field(() => Boolean, { description: '是否在网格边界外 (有边界时判定; 边界外打卡不计入计划完成)' })
  @Property({ type: 'boolean', default: false })
  outsideBoundary: boolean = false;

  /** Whether the grid had a boundary to check against when the check-in was recorded. */
  @Field(() => Boolean, { description: '打卡时网格是否有边界可核对' })
  @Property({ type: 'boolean', default: false })
  boundaryChecked: boolean = false;

  /** The optional photo: its bytes live in the evidence storage under this SHA-256. */
  @Property({ type: 'string', length: 64, nullable: true })
  photoSha256?: string | null;

  @Property({ type: 'string', length: 60, nullable: true })
  photoMimeType?: string | null;

  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'recorded_by_id', nullable: true })
  recordedById?: number | null;

  @Field(() => String, { nullable: true, description: '现场照片地址 (可查看该记录者可访问)' })
  get photoUrl(): string | null {
    return this.photoSha256 ? `/patrol-check-ins/${this.id}/photo` : null;
  }
}
