import { NameText } from '../../common/name-text';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { GeoPointInput } from '../grid/grid.inputs';
import { IsCode } from './source-codes';
import { SourceStatus, SourceType, SupervisionLevel } from './source.enums';

/**
 * A source's editable fields, all optional: an edit gives what changes. The create input
 * declares again the ones a new source must have. A base class only: type-graphql 2 emits
 * no input type that no operation references.
 */
@InputType()
class SourceFields {
  @Field(() => String, { nullable: true })
  @NameText()
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码; 给了污染源编码时可省略 (取其前18位)' })
  @IsCode('creditCode')
  creditCode?: string;

  @Field(() => String, { nullable: true, description: '污染源编码 (HJ 608-2017), 如 91130200699229617X001P' })
  @IsCode('sourceCode')
  sourceCode?: string;

  @Field(() => SourceType, { nullable: true })
  type?: SourceType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  industry?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => SupervisionLevel, { nullable: true })
  supervisionLevel?: SupervisionLevel;

  @Field(() => SourceStatus, { nullable: true })
  status?: SourceStatus;
}

@InputType('CreateSourceInput', { description: '新建污染源档案' })
export class CreateSourceInput extends SourceFields {
  @Field(() => ID, { description: '所在网格' })
  gridId!: string;

  @Field(() => String)
  declare name: string;

  @Field(() => SourceType)
  declare type: SourceType;

  @Field(() => SupervisionLevel)
  declare supervisionLevel: SupervisionLevel;

  @Field(() => SourceStatus, { nullable: true, description: '默认: 可确认者为在产, 网格员新报为待确认' })
  declare status?: SourceStatus;
}

@InputType('UpdateSourceInput', { description: '修改污染源档案; 每次修改都记入变更历史' })
export class UpdateSourceInput extends SourceFields {}

@InputType('SourceFilter')
export class SourceFilter {
  @Field(() => ID, { nullable: true, description: '该网格及其下级' })
  withinId?: string;

  @Field(() => SupervisionLevel, { nullable: true })
  supervisionLevel?: SupervisionLevel;

  @Field(() => SourceType, { nullable: true })
  type?: SourceType;

  @Field(() => SourceStatus, { nullable: true })
  status?: SourceStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  industry?: string;

  @Field(() => String, { nullable: true, description: '名称包含, 或信用代码, 或污染源编码' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

export enum SourceOrder {
  ID_ASC = 'ID_ASC',
  NAME_ASC = 'NAME_ASC',
  UPDATED_DESC = 'UPDATED_DESC',
}
registerEnumType(SourceOrder, { name: 'SourceOrder' });
