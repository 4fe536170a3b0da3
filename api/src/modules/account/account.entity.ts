import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../common/enums';
import { BaseEntity, VersionedScopedEntity } from '../../common/base.entity';

/** Someone who signs in: one unit (属地), one role. The password hash never gets a GraphQL field. */
@ObjectType('Account', { implements: BaseEntity, description: '账号: 每个账号属于一个单位 (属地), 持有一个角色' })
@Entity({ tableName: 'account' })
export class Account extends VersionedScopedEntity {
  @Field(() => String, { description: '登录名' })
  @Property({ type: 'string', length: 60, unique: true })
  login!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  @Field(() => String, { description: '显示名称' })
  @Property({ type: 'string', length: 60 })
  displayName!: string;

  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id', index: true })
  unitId!: number;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  /** For department roles: the department the account works for. */
  @ManyToOne({ entity: 'Department', mapToPk: true, fieldName: 'department_id', nullable: true })
  departmentId?: number | null;

  @ManyToOne({ entity: 'Officer', mapToPk: true, fieldName: 'officer_id', nullable: true })
  officerId?: number | null;

  @ManyToOne({ entity: 'GridWorker', mapToPk: true, fieldName: 'grid_worker_id', nullable: true })
  gridWorkerId?: number | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
