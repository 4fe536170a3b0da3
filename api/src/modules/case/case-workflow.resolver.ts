import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { loadChildren, loadVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Department } from '../department/department.entity';
import { Grid } from '../grid/grid.entity';
import { CaseAssignment } from './case-assignment.entity';
import { DispatchSuggestionType } from './case-routing.types';
import { DUPLICATE_DEFAULTS, duplicateCandidates } from './case-duplicates.service';
import { assignmentWorkflow } from './case-assignment.service';
import { assignmentActions } from './case-partners';
import {
  AnswerComplaintInput,
  AssignmentFeedbackInput,
  AssignmentStepInput,
  CancelCaseInput,
  CaseReasonInput,
  CaseStepInput,
  DispatchCaseInput,
  EvaluateCaseInput,
  FeedbackCaseInput,
  ParkCaseInput,
  RequestExtensionInput,
} from './case-workflow.inputs';
import { availableActions, caseWorkflow } from './case-workflow.service';
import { CaseAction } from './case.enums';
import { Case } from './case.entity';
import { dutyOf } from './case.workflow';

const A = CaseAction;
type Ctx = RequestContext;

/** One mutation per transition of case.workflow.ts; each declares the duty the table names. */
@Resolver(() => Case)
export class CaseWorkflowResolver {
  @Mutation(() => Case, { description: '事件立卷 (立案)' })
  @Requires(dutyOf(A.FILE), 'Case')
  fileCase(@Ctx() ctx: Ctx, @Arg('input', () => CaseStepInput) input: CaseStepInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.FILE, input);
  }

  @Mutation(() => Case, { description: '注销 (无效, 重复, 不属于监管范围)' })
  @Requires(dutyOf(A.CANCEL), 'Case')
  cancelCase(@Ctx() ctx: Ctx, @Arg('input', () => CancelCaseInput) input: CancelCaseInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.CANCEL, input);
  }

  @Mutation(() => Case, { description: '上报上一级网格 (无数字化城管平台时本级不能处理的)' })
  @Requires(dutyOf(A.ESCALATE), 'Case')
  escalateCase(@Ctx() ctx: Ctx, @Arg('input', () => CaseReasonInput) input: CaseReasonInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.ESCALATE, input);
  }

  @Mutation(() => Case, { description: '任务派遣 (可多部门联合执法, 指定牵头部门)' })
  @Requires(dutyOf(A.DISPATCH), 'Case')
  dispatchCase(@Ctx() ctx: Ctx, @Arg('input', () => DispatchCaseInput) input: DispatchCaseInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.DISPATCH, input);
  }

  @Mutation(() => Case, { description: '受理' })
  @Requires(dutyOf(A.ACCEPT), 'Case')
  acceptCase(@Ctx() ctx: Ctx, @Arg('input', () => CaseStepInput) input: CaseStepInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.ACCEPT, input);
  }

  @Mutation(() => Case, { description: '回退 (派遣有误, 退回派遣单位)' })
  @Requires(dutyOf(A.RETURN), 'Case')
  returnCase(@Ctx() ctx: Ctx, @Arg('input', () => CaseReasonInput) input: CaseReasonInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.RETURN, input);
  }

  @Mutation(() => Case, { description: '结果反馈' })
  @Requires(dutyOf(A.FEEDBACK), 'Case')
  feedbackCase(@Ctx() ctx: Ctx, @Arg('input', () => FeedbackCaseInput) input: FeedbackCaseInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.FEEDBACK, input);
  }

  @Mutation(() => Case, { description: '申请延期' })
  @Requires(dutyOf(A.REQUEST_EXTENSION), 'Case')
  requestCaseExtension(@Ctx() ctx: Ctx, @Arg('input', () => RequestExtensionInput) input: RequestExtensionInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.REQUEST_EXTENSION, input);
  }

  @Mutation(() => Case, { description: '批准延期 (首次由派遣单位, 再次由上一级)' })
  @Requires(dutyOf(A.APPROVE_EXTENSION), 'Case')
  approveCaseExtension(@Ctx() ctx: Ctx, @Arg('input', () => CaseStepInput) input: CaseStepInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.APPROVE_EXTENSION, input);
  }

  @Mutation(() => Case, { description: '驳回延期' })
  @Requires(dutyOf(A.REJECT_EXTENSION), 'Case')
  rejectCaseExtension(@Ctx() ctx: Ctx, @Arg('input', () => CaseReasonInput) input: CaseReasonInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.REJECT_EXTENSION, input);
  }

  @Mutation(() => Case, { description: '挂账 (书面理由与复查日期)' })
  @Requires(dutyOf(A.PARK), 'Case')
  parkCase(@Ctx() ctx: Ctx, @Arg('input', () => ParkCaseInput) input: ParkCaseInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.PARK, input);
  }

  @Mutation(() => Case, { description: '恢复办理 (挂账后)' })
  @Requires(dutyOf(A.RESUME), 'Case')
  resumeCase(@Ctx() ctx: Ctx, @Arg('input', () => CaseStepInput) input: CaseStepInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.RESUME, input);
  }

  @Mutation(() => Case, { description: '核实通过: 结案' })
  @Requires(dutyOf(A.VERIFY_PASS), 'Case')
  passCaseVerification(@Ctx() ctx: Ctx, @Arg('input', () => CaseStepInput) input: CaseStepInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.VERIFY_PASS, input);
  }

  @Mutation(() => Case, { description: '核实不通过: 返工' })
  @Requires(dutyOf(A.VERIFY_FAIL), 'Case')
  failCaseVerification(@Ctx() ctx: Ctx, @Arg('input', () => CaseReasonInput) input: CaseReasonInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.VERIFY_FAIL, input);
  }

  @Mutation(() => Case, { description: '综合评价' })
  @Requires(dutyOf(A.EVALUATE), 'Case')
  evaluateCase(@Ctx() ctx: Ctx, @Arg('input', () => EvaluateCaseInput) input: EvaluateCaseInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.EVALUATE, input);
  }

  @Mutation(() => Case, { description: '重新办理 (市级)' })
  @Requires(dutyOf(A.REOPEN), 'Case')
  reopenCase(@Ctx() ctx: Ctx, @Arg('input', () => CaseReasonInput) input: CaseReasonInput): Promise<Case> {
    return caseWorkflow.apply(ctx, A.REOPEN, input);
  }

  @Mutation(() => Case, { description: '答复投诉人 (群众投诉举报, 结果反馈后; 状态不变, 记入时间线)' })
  @Requires(dutyOf(A.ANSWER), 'Case')
  answerComplaint(@Ctx() ctx: Ctx, @Arg('input', () => AnswerComplaintInput) input: AnswerComplaintInput): Promise<Case> {
    // The reply is what the timeline's note shows.
    return caseWorkflow.apply(ctx, A.ANSWER, { ...input, note: input.text });
  }

  @Query(() => DispatchSuggestionType, { description: '派遣建议: 当前办理单位中依法定职责矩阵的牵头部门与配合部门' })
  @Requires('dispatch', 'Case')
  dispatchSuggestion(@Ctx() ctx: Ctx, @Arg('caseId', () => ID) caseId: string): Promise<DispatchSuggestionType> {
    return caseWorkflow.suggestion(ctx, caseId);
  }

  @Query(() => [Department], { description: '派遣建议: 当前办理单位中依法定职责矩阵对应的部门 (牵头部门在前)' })
  @Requires('dispatch', 'Case')
  dispatchSuggestions(@Ctx() ctx: Ctx, @Arg('caseId', () => ID) caseId: string): Promise<Department[]> {
    return caseWorkflow.suggestions(ctx, caseId);
  }

  @Query(() => [Case], {
    description: '立卷时的疑似重复案件: 同一类别 (默认本案类别), 时间窗口内, 双方均有坐标时按半径 (球面距离), 任一方无坐标时仅限同一网格; 默认不含已结案',
  })
  @Requires('file', 'Case')
  duplicateCandidates(
    @Ctx() ctx: Ctx,
    @Arg('caseId', () => ID) caseId: string,
    @Arg('radiusMeters', () => Int, { defaultValue: DUPLICATE_DEFAULTS.radiusMeters, description: '半径 (米)' }) radiusMeters: number,
    @Arg('withinHours', () => Int, { defaultValue: DUPLICATE_DEFAULTS.withinHours, description: '上报时间前后小时数' }) withinHours: number,
    @Arg('categoryId', () => ID, { nullable: true, description: '案件类别 (默认本案类别)' }) categoryId: string | null,
    @Arg('includeClosed', () => Boolean, { defaultValue: false, description: '包含已结案、已评价的案件' }) includeClosed: boolean,
  ): Promise<Case[]> {
    return duplicateCandidates(ctx, caseId, { radiusMeters, withinHours, categoryId, includeClosed });
  }

  @FieldResolver(() => Case, { nullable: true, description: '主案件 (本案作为重复注销时)' })
  duplicateOf(@Ctx() ctx: Ctx, @Root() kase: Case): Promise<Case | null> {
    return loadVisible(ctx, Case, kase.duplicateOfId);
  }

  @FieldResolver(() => [CaseAction], { description: '当前用户此刻可执行的流转 (含配合部门对本部门派遣记录的受理、反馈)' })
  availableActions(@Ctx() ctx: Ctx, @Root() kase: Case): Promise<CaseAction[]> {
    return availableActions(ctx, kase);
  }

  @FieldResolver(() => Grid, { nullable: true, description: '当前办理单位' })
  handlingUnit(@Ctx() ctx: Ctx, @Root() kase: Case): Promise<Grid | null> {
    return loadVisible(ctx, Grid, kase.handlingUnitId);
  }

  @FieldResolver(() => Department, { nullable: true, description: '牵头部门' })
  leadDepartment(@Ctx() ctx: Ctx, @Root() kase: Case): Promise<Department | null> {
    return loadVisible(ctx, Department, kase.leadDepartmentId);
  }

  @FieldResolver(() => [CaseAssignment], { description: '派遣记录 (含已失效的)' })
  assignments(@Ctx() ctx: Ctx, @Root() kase: Case): Promise<CaseAssignment[]> {
    return loadChildren(ctx, CaseAssignment, 'caseId', kase.id);
  }
}

/** 联合执法: a partner department's own steps (case.workflow.ts, ASSIGNMENT_STEPS). */
@Resolver(() => CaseAssignment)
export class CaseAssignmentResolver {
  @Mutation(() => CaseAssignment, { description: '联合执法: 配合部门受理本部门的派遣' })
  @Requires('assist', 'CaseAssignment')
  acceptAssignment(@Ctx() ctx: Ctx, @Arg('input', () => AssignmentStepInput) input: AssignmentStepInput): Promise<CaseAssignment> {
    return assignmentWorkflow.apply(ctx, A.ACCEPT_ASSIGNMENT, input);
  }

  @Mutation(() => CaseAssignment, { description: '联合执法: 配合部门反馈本部门办理结果 (牵头部门据此统一反馈)' })
  @Requires('assist', 'CaseAssignment')
  feedBackAssignment(@Ctx() ctx: Ctx, @Arg('input', () => AssignmentFeedbackInput) input: AssignmentFeedbackInput): Promise<CaseAssignment> {
    return assignmentWorkflow.apply(ctx, A.FEED_BACK_ASSIGNMENT, input);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Ctx() ctx: Ctx, @Root() assignment: CaseAssignment): Promise<Department | null> {
    return loadVisible(ctx, Department, assignment.departmentId);
  }

  @FieldResolver(() => [CaseAction], { description: '当前用户此刻可对本派遣记录执行的操作 (配合部门: 受理, 反馈)' })
  async availableActions(@Ctx() ctx: Ctx, @Root() assignment: CaseAssignment): Promise<CaseAction[]> {
    const kase = await loadVisible(ctx, Case, assignment.caseId);
    return kase ? assignmentActions(ctx, assignment, kase) : [];
  }
}
