import { NameText } from '../../common/name-text';
import { Length, Matches } from 'class-validator';
import { OUTLET_CODE } from '@gridwatch/domain';
import { Field, ID, InputType } from 'type-graphql';

const OUTLET_CODE_RULE = 'must be DA (air) or DW (water) + 001-999, e.g. DA001 (HJ 608-2017)';

@InputType('CreateOutletInput', { description: '新建排放口' })
export class CreateOutletInput {
  @Field(() => ID, { description: '所属污染源' })
  sourceId!: string;

  @Field(() => String, { description: '排放口编码, 如 DA001 (废气) 或 DW001 (废水)' })
  @Matches(OUTLET_CODE, { message: OUTLET_CODE_RULE })
  code!: string;

  @Field(() => String, { description: '名称, 如 锅炉废气排放口' })
  @NameText()
  @Length(1, 100)
  name!: string;
}

@InputType('UpdateOutletInput', { description: '修改排放口' })
export class UpdateOutletInput {
  @Field(() => String, { nullable: true })
  @Matches(OUTLET_CODE, { message: OUTLET_CODE_RULE })
  code?: string;

  @Field(() => String, { nullable: true })
  @NameText()
  @Length(1, 100)
  name?: string;
}
