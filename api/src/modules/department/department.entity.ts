import { Collection, Entity, Enum, ManyToMany, ManyToOne, OneToMany, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DepartmentField } from '../../common/enums';
import { BaseEntity, type ScopedEntity, VersionedScopedEntity } from '../../common/base.entity';
import { CaseCategory } from './case-category.entity';

/** A responsible body (责任主体部门) of a unit: a city or county department, or a township office. */
@ObjectType('Department', { implements: BaseEntity, description: '责任主体部门: 市直部门、县区部门或乡镇街道办' })
@Entity({ tableName: 'department' })
export class Department extends VersionedScopedEntity {
  /** The grid of the unit the department belongs to (city, county or township level). */
  @ManyToOne({ entity: 'Grid', mapToPk: true, fieldName: 'unit_id', index: true })
  unitId!: number;

  @Field(() => String, { description: '名称' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => DepartmentField, { description: '职能领域' })
  @Enum({ items: () => DepartmentField, nativeEnumName: 'department_field' })
  field!: DepartmentField;

  /** Case categories this department is legally responsible for (法定职责). */
  @ManyToMany({ entity: () => CaseCategory, pivotTable: 'department_category' })
  categories = new Collection<CaseCategory>(this);

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /**
   * The cases it leads: what lets the unit that escalated a case see who handles it above (department.policy.ts).
   * Named by string and typed by its scope columns only: case/ sits above department/ and department/ imports nothing of it.
   */
  @OneToMany({ entity: 'Case', mappedBy: 'leadDepartmentId' })
  ledCases = new Collection<ScopedEntity>(this);

}
