import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum GridImportReasonEnum {
  MISSING_COLUMN = 'MISSING_COLUMN',
  BAD_FORMAT = 'BAD_FORMAT',
  DUPLICATE = 'DUPLICATE',
  UNKNOWN_PARENT = 'UNKNOWN_PARENT',
  WRONG_LEVEL = 'WRONG_LEVEL',
  CODE_RULE = 'CODE_RULE',
  CODE_TAKEN = 'CODE_TAKEN',
  UNKNOWN_GRID = 'UNKNOWN_GRID',
  NOT_PERMITTED = 'NOT_PERMITTED',
}
registerEnumType(GridImportReasonEnum, {
  name: 'GridImportReason',
  description:
    '网格划分导入的错误原因: 缺少列, 格式错误, 文件内重复, 上级不存在或不在辖区内, 层级不对, 编码不符合规则, 编码已被使用, 原编码不存在或不在辖区内, 无权修改',
});

@ObjectType('GridImportProblem', { description: '网格划分导入的一处错误' })
export class GridImportProblemType {
  @Field(() => Int, { description: '行号 (表头为第1行)' })
  line!: number;

  @Field(() => String, { nullable: true, description: '列 (文件中的表头; 空: 整行)' })
  column!: string | null;

  @Field(() => String, { description: '错误码 (BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN)' })
  code!: string;

  @Field(() => GridImportReasonEnum, { description: '错误原因' })
  reason!: GridImportReasonEnum;

  @Field(() => String, { description: '说明 (英文)' })
  message!: string;

  @Field(() => [String], { description: '所涉及的编码或单元格取值 (供界面以本地语言说明时引用)' })
  values!: string[];
}

@ObjectType('GridImportResult', { description: '网格划分导入结果: 有任何错误或试运行时不写入任何数据' })
export class GridImportResultType {
  @Field(() => Boolean, { description: '试运行 (只校验)' })
  dryRun!: boolean;

  @Field(() => Int, { description: '数据行数' })
  rows!: number;

  @Field(() => Int, { description: '新增 (试运行: 将新增)' })
  inserted!: number;

  @Field(() => Int, { description: '更新' })
  updated!: number;

  @Field(() => Int, { description: '不变' })
  unchanged!: number;

  @Field(() => [GridImportProblemType], { description: '全部错误, 按行号' })
  errors!: GridImportProblemType[];
}
