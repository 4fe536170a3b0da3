import { NameText } from '../../common/name-text';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, Min, registerDecorator } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../../common/enums';
import { ApiKeyScope } from '../../common/api-key-scope';

const LOGIN = /^[a-z][a-z0-9_.-]{2,59}$/;

/** A password worth having: 10 to 128 characters, not just digits. */
function IsPassword(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must have 10 to 128 characters and not only digits' },
      validator: { validate: (v: unknown) => typeof v === 'string' && v.length >= 10 && v.length <= 128 && !/^\d+$/.test(v) },
    });
}

@InputType('CreateAccountInput', { description: '新建账号 (只能在本辖区内, 角色不高于自己可授予的)' })
export class CreateAccountInput {
  @Field(() => String, { description: '登录名: 小写字母开头, 3-60 位' })
  @Matches(LOGIN, { message: 'must start with a lower-case letter: 3-60 of a-z 0-9 _ . -' })
  login!: string;

  @Field(() => String)
  @Length(1, 60)
  displayName!: string;

  @Field(() => String, { description: '初始密码' })
  @IsPassword()
  password!: string;

  @Field(() => ID, { description: '所属单位 (属地)' })
  unitId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: '部门角色所属部门' })
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: '执法人员账号对应的人员' })
  officerId?: string;

  @Field(() => ID, { nullable: true, description: '网格员账号对应的人员' })
  gridWorkerId?: string;
}

@InputType('UpdateAccountInput', { description: '修改账号; 改角色或单位会使其全部会话失效' })
export class UpdateAccountInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  displayName?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  departmentId?: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  @Length(1, 128)
  currentPassword!: string;

  @Field(() => String)
  @IsPassword()
  newPassword!: string;
}

@InputType('CreateApiKeyInput', { description: '新建第三方接口密钥' })
export class CreateApiKeyInput {
  @Field(() => String)
  @NameText()
  @Length(1, 100)
  name!: string;

  @Field(() => ID, { description: '密钥可访问的单位 (及其下级)' })
  unitId!: string;

  @Field(() => [ApiKeyScope])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  scopes!: ApiKeyScope[];

  @Field(() => Date, { nullable: true, description: '过期时间' })
  expiresAt?: Date;

  @Field(() => Int, { nullable: true, description: '每分钟请求上限 (默认 600)' })
  @IsOptional()
  @Min(1)
  @Max(100000)
  rateLimitPerMinute?: number;
}
