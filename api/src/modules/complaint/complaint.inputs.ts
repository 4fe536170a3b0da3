import { Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CaseChannel } from '../case/case.enums';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType('ComplaintTicketFilter', { description: '对账: 一个渠道在若干天 (北京时间) 受理的工单' })
export class ComplaintTicketFilter {
  @Field(() => CaseChannel, { description: '受理渠道' })
  channel!: CaseChannel;

  @Field(() => String, { description: '起始日 (含), yyyy-mm-dd, 北京时间' })
  @Matches(DAY)
  fromDay!: string;

  @Field(() => String, { description: '截止日 (含), yyyy-mm-dd, 北京时间' })
  @Matches(DAY)
  toDay!: string;
}
