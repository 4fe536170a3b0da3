import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DepartmentField, GridLevel } from '../../common/enums';

/** Whose duty a case is: the lead (牵头) or a partner in joint handling (配合, 联合执法). */
export enum DutyRole {
  RESPONSIBLE = 'RESPONSIBLE',
  CO_RESPONSIBLE = 'CO_RESPONSIBLE',
}
registerEnumType(DutyRole, { name: 'DutyRole', description: '职责: 牵头负责 RESPONSIBLE, 配合 CO_RESPONSIBLE' });

/**
 * One line of the city's legal-duty matrix (法定职责矩阵): at units of this level, departments
 * of this field answer for cases of this category. City-wide configuration like the time
 * limits: one matrix, read by everyone, kept by the city.
 */
@Entity({ tableName: 'duty_assignment' })
@Unique({ name: 'duty_assignment_cell_field_unique', properties: ['categoryId', 'level', 'field'] })
// One lead per cell (category × level).
@Index({ name: 'duty_assignment_one_lead', expression: `create unique index "duty_assignment_one_lead" on "duty_assignment" ("category_id", "level") where "role" = 'RESPONSIBLE'` })
export class DutyAssignment extends BaseEntity {
  @ManyToOne({ entity: 'CaseCategory', mapToPk: true, fieldName: 'category_id', deleteRule: 'cascade' })
  categoryId!: number;

  @Enum({ items: () => GridLevel, nativeEnumName: 'grid_level' })
  level!: GridLevel;

  @Enum({ items: () => DepartmentField, nativeEnumName: 'department_field' })
  field!: DepartmentField;

  @Enum({ items: () => DutyRole, nativeEnumName: 'duty_role' })
  role!: DutyRole;
}
