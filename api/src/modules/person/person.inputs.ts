import { NameText } from '../../common/name-text';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsPhone } from '../../common/inputs';
import { Employment } from './grid-worker.entity';

/**
 * What officers and grid workers share, optional as an edit gives it; the create inputs declare
 * again what a new person must have. Base classes only: type-graphql 2 emits no input type
 * that no operation references.
 */
@InputType()
class PersonFields {
  @Field(() => String, { nullable: true })
  @NameText()
  @IsOptional()
  @Length(1, 60)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsPhone()
  phone?: string;
}

@InputType()
class OfficerFields extends PersonFields {
  @Field(() => String, { nullable: true, description: '执法证号' })
  @IsOptional()
  @Length(1, 40)
  badgeNumber?: string;
}

@InputType('CreateOfficerInput')
export class CreateOfficerInput extends OfficerFields {
  @Field(() => ID, { description: '用人单位 (市、县区或乡镇街道)' })
  employerUnitId!: string;

  @Field(() => String)
  declare name: string;

  @Field(() => [ID], { description: '负责的网格' })
  @ArrayMaxSize(500)
  gridIds!: string[];
}

@InputType('UpdateOfficerInput')
export class UpdateOfficerInput extends OfficerFields {
  @Field(() => [ID], { nullable: true, description: '替换负责的网格' })
  @IsOptional()
  @ArrayMaxSize(500)
  gridIds?: string[];
}

@InputType('CreateGridWorkerInput')
export class CreateGridWorkerInput extends PersonFields {
  @Field(() => ID, { description: '聘用单位 (乡镇街道)' })
  employerUnitId!: string;

  @Field(() => String)
  declare name: string;

  @Field(() => Employment)
  employment!: Employment;

  @Field(() => [ID], { description: '负责巡查的三、四级网格' })
  @ArrayMaxSize(50)
  gridIds!: string[];
}

@InputType('UpdateGridWorkerInput')
export class UpdateGridWorkerInput extends PersonFields {
  @Field(() => Employment, { nullable: true })
  employment?: Employment;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  gridIds?: string[];
}

@InputType('PersonFilter')
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: '用人单位' })
  employerUnitId?: string;

  @Field(() => ID, { nullable: true, description: '负责该网格的人员' })
  gridId?: string;

  @Field(() => String, { nullable: true, description: '姓名包含' })
  @IsOptional()
  @Length(1, 60)
  search?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}
