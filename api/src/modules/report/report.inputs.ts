import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class MonthlyReportArgs {
  @Field(() => String, { description: '月份 YYYY-MM (北京时间)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month!: string;

  @Field(() => ID, { nullable: true, description: '报表单位 (市或县区网格; 默认本单位)' })
  @IsOptional()
  unitId?: string;
}
