import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CaseComplexity } from '../deadline/deadline.enums';
import { AnswerMethod, AnswerSatisfaction, CancelReason } from './case.enums';

/** Every workflow step names the case and the version the caller saw (optimistic concurrency). */
@InputType('CaseStepInput', { description: '流转: 案件及其当前版本号' })
export class CaseStepInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '调用方看到的版本号; 已被他人修改则返回 CONFLICT' })
  version!: number;

  @Field(() => String, { nullable: true, description: '备注' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType('CaseReasonInput', { description: '需书面理由的流转: 回退, 返工, 上报上一级, 驳回延期, 重新办理' })
export class CaseReasonInput extends CaseStepInput {
  @Field(() => String, { description: '理由' })
  @Length(2, 500)
  reason!: string;
}

@InputType('CancelCaseInput', { description: '注销' })
export class CancelCaseInput extends CaseStepInput {
  @Field(() => CancelReason)
  cancelReason!: CancelReason;

  @Field(() => ID, { nullable: true, description: '重复时: 主案件' })
  duplicateOfId?: string;
}

@InputType('DispatchCaseInput', { description: '派遣: 一个或多个责任部门 (联合执法时指定牵头部门)' })
export class DispatchCaseInput extends CaseStepInput {
  @Field(() => [ID], { description: '责任部门 (须属于案件当前办理单位)' })
  departmentIds!: string[];

  @Field(() => ID, { nullable: true, description: '牵头部门; 缺省为第一个' })
  leadDepartmentId?: string;

  @Field(() => CaseComplexity, { nullable: true, description: '案情 (一般/复杂/特殊), 决定处置时限; 缺省一般' })
  complexity?: CaseComplexity;
}

@InputType('FeedbackCaseInput', { description: '结果反馈' })
export class FeedbackCaseInput extends CaseStepInput {
  @Field(() => String, { description: '查处结果' })
  @Length(2, 2000)
  result!: string;
}

@InputType('RequestExtensionInput', { description: '申请延期' })
export class RequestExtensionInput extends CaseReasonInput {
  @Field(() => Int, { description: '延期工作日数' })
  @Min(1)
  @Max(60)
  extensionDays!: number;
}

@InputType('ParkCaseInput', { description: '挂账' })
export class ParkCaseInput extends CaseReasonInput {
  @Field(() => Date, { description: '复查日期' })
  reviewAt!: Date;
}

@InputType('EvaluateCaseInput', { description: '综合评价' })
export class EvaluateCaseInput extends CaseStepInput {
  @Field(() => Int, { description: '得分 0-100' })
  @Min(0)
  @Max(100)
  score!: number;
}

@InputType('AnswerComplaintInput', { description: '答复投诉人: 答复内容与方式 (记入案件时间线)' })
export class AnswerComplaintInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '调用方看到的版本号; 已被他人修改则返回 CONFLICT' })
  version!: number;

  @Field(() => String, { description: '答复内容 (请勿写入投诉人姓名、电话)' })
  @Length(1, 2000)
  text!: string;

  @Field(() => AnswerMethod, { description: '答复方式' })
  method!: AnswerMethod;

  @Field(() => AnswerSatisfaction, { nullable: true, description: '投诉人满意度 (回访所得)' })
  @IsOptional()
  satisfaction?: AnswerSatisfaction;
}

/** What the service accepts: the common part plus whatever the step needs. */
export type TransitionRequest = CaseStepInput &
  Partial<Omit<CaseReasonInput, keyof CaseStepInput>> &
  Partial<Omit<CancelCaseInput, keyof CaseStepInput>> &
  Partial<Omit<DispatchCaseInput, keyof CaseStepInput>> &
  Partial<Omit<FeedbackCaseInput, keyof CaseStepInput>> &
  Partial<Omit<RequestExtensionInput, keyof CaseReasonInput>> &
  Partial<Omit<ParkCaseInput, keyof CaseReasonInput>> &
  Partial<Omit<EvaluateCaseInput, keyof CaseStepInput>> &
  Partial<Omit<AnswerComplaintInput, 'id' | 'version'>>;

/** 联合执法: a partner department's step on its own assignment, with the version it saw. */
@InputType('AssignmentStepInput', { description: '配合部门受理: 派遣记录及其当前版本号' })
export class AssignmentStepInput extends CaseStepInput {
  @Field(() => ID, { description: '派遣记录 (CaseAssignment)' })
  override id!: string;
}

@InputType('AssignmentFeedbackInput', { description: '配合部门反馈: 本部门办理结果' })
export class AssignmentFeedbackInput extends AssignmentStepInput {
  @Field(() => String, { description: '本部门办理结果' })
  @Length(2, 2000)
  result!: string;
}
