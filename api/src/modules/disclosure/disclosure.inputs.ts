import { ArrayMaxSize } from 'class-validator';
import { IsDay } from '../../common/day';
import { Field, ID, InputType } from 'type-graphql';
import { DisclosedField } from './disclosure.enums';

@InputType('SetDisclosureSettingInput', { description: '设置信息公开: 类别、可选字段、起始日期 (整体替换)' })
export class SetDisclosureSettingInput {
  @Field(() => [ID], { description: '公开的案件类别' })
  @ArrayMaxSize(200)
  categoryIds!: string[];

  @Field(() => [DisclosedField], { description: '另行公开的字段' })
  @ArrayMaxSize(10)
  fields!: DisclosedField[];

  @Field(() => String, { nullable: true, description: '自该日 (YYYY-MM-DD) 起上报的案件; 空: 停止公开' })
  @IsDay()
  publishedFrom?: string | null;
}
