import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DepartmentField } from '../../common/enums';
import { BaseEntity } from '../../common/base.entity';

/** City-wide reference data: what kind of problem a case is, and whose legal duty it is by default. */
@ObjectType('CaseCategory', { implements: BaseEntity, description: '案件类别 (扬尘, 焚烧, 小煤炉, 冒黑烟, 异味气体, 废水乱排, 新增污染源, ...)' })
@Entity({ tableName: 'case_category' })
export class CaseCategory extends BaseEntity {

  @Field(() => String, { description: '类别代码, 如 DUST' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => String, { description: '名称' })
  @Property({ type: 'string', length: 60 })
  name!: string;

  @Field(() => DepartmentField, { description: '默认责任部门职能 (派遣建议)' })
  @Enum({ items: () => DepartmentField, nativeEnumName: 'department_field' })
  defaultField!: DepartmentField;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** 核实 needs an after photo (整改后照片) to close a case of this category. */
  @Field(() => Boolean, { description: '核实结案须上传整改后照片' })
  @Property({ type: 'boolean', default: true })
  requiresAfterPhoto: boolean = true;
}
