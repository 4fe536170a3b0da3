import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AnswerMethod, AnswerSatisfaction, CaseChannel, CaseStatus } from '../case/case.enums';

export enum AnswerTimeliness {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  PENDING = 'PENDING',
}
registerEnumType(AnswerTimeliness, { name: 'AnswerTimeliness', description: '答复是否按时: 按时, 超时 (含逾期未答复), 未到期待答复' });

@ObjectType('ComplaintTicket', { description: '对账行: 一张渠道工单及其案件、答复' })
export class ComplaintTicket {
  @Field(() => CaseChannel)
  channel!: CaseChannel;

  @Field(() => String, { nullable: true, description: '工单号' })
  externalTicket!: string | null;

  @Field(() => String, { description: '案件编号' })
  caseNumber!: string;

  @Field(() => String, { description: '案件 ID' })
  caseId!: string;

  @Field(() => Date, { description: '受理时间 (上报时间)' })
  receivedAt!: Date;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => Date, { nullable: true, description: '答复时限' })
  answerDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '答复时间' })
  answeredAt!: Date | null;

  @Field(() => AnswerMethod, { nullable: true, description: '答复方式' })
  answerMethod!: AnswerMethod | null;

  @Field(() => AnswerSatisfaction, { nullable: true, description: '满意度' })
  answerSatisfaction!: AnswerSatisfaction | null;

  @Field(() => AnswerTimeliness, { description: '是否按时答复' })
  timeliness!: AnswerTimeliness;
}
