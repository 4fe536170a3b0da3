import { registerEnumType } from 'type-graphql';

export enum CaseOrigin {
  PATROL = 'PATROL',
  COMPLAINT = 'COMPLAINT',
  INSTRUCTION = 'INSTRUCTION',
  TRANSFER = 'TRANSFER',
  INSPECTION = 'INSPECTION',
  MONITORING = 'MONITORING',
}
registerEnumType(CaseOrigin, {
  name: 'CaseOrigin',
  description: '来源: 网格巡查, 群众投诉举报, 上级批示交办, 其他单位移送, 执法检查, 监测报警',
});

/** The states of the eight-step workflow (八步工作流程); the transitions are in case.workflow.ts. */
export enum CaseStatus {
  REPORTED = 'REPORTED',
  FILED = 'FILED',
  CANCELLED = 'CANCELLED',
  DISPATCHED = 'DISPATCHED',
  IN_PROGRESS = 'IN_PROGRESS',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  FED_BACK = 'FED_BACK',
  CLOSED = 'CLOSED',
  EVALUATED = 'EVALUATED',
  PARKED = 'PARKED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: '状态: 已上报, 已立案, 已注销, 已派遣, 处理中, 延期待批, 已反馈, 已结案, 已评价, 挂账',
});

export enum CaseUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}
registerEnumType(CaseUrgency, { name: 'CaseUrgency', description: '紧急程度: 一般, 紧急, 突发' });

export enum CaseAction {
  REPORT = 'REPORT',
  FILE = 'FILE',
  CANCEL = 'CANCEL',
  ESCALATE = 'ESCALATE',
  DISPATCH = 'DISPATCH',
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
  FEEDBACK = 'FEEDBACK',
  REQUEST_EXTENSION = 'REQUEST_EXTENSION',
  APPROVE_EXTENSION = 'APPROVE_EXTENSION',
  REJECT_EXTENSION = 'REJECT_EXTENSION',
  PARK = 'PARK',
  RESUME = 'RESUME',
  VERIFY_PASS = 'VERIFY_PASS',
  VERIFY_FAIL = 'VERIFY_FAIL',
  EVALUATE = 'EVALUATE',
  REOPEN = 'REOPEN',
  /** 答复: the complainant is told the result; the status stays (a step on the timeline, not a move). */
  ANSWER = 'ANSWER',
  /** A system event, not a transition: the deadline recomputed after a year's holiday schedule was loaded. */
  RECOMPUTE_DEADLINE = 'RECOMPUTE_DEADLINE',
  /** 联合执法: a partner department's own steps on its assignment (the case's state stays). */
  ACCEPT_ASSIGNMENT = 'ACCEPT_ASSIGNMENT',
  FEED_BACK_ASSIGNMENT = 'FEED_BACK_ASSIGNMENT',
}
registerEnumType(CaseAction, {
  name: 'CaseAction',
  description:
    '操作: 上报, 立卷, 注销, 上报上一级网格, 派遣, 受理, 回退, 结果反馈, 申请延期, 批准延期, 驳回延期, 挂账, 恢复办理, 核实通过(结案), 核实不通过(返工), 综合评价, 重新办理, 答复投诉人; 期限重算 (系统: 导入节假日安排后); 配合部门受理, 配合部门反馈 (联合执法)',
});

/** Why a report is cancelled (注销) instead of filed. */
export enum CancelReason {
  INVALID = 'INVALID',
  DUPLICATE = 'DUPLICATE',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
}
registerEnumType(CancelReason, { name: 'CancelReason', description: '注销原因: 无效, 重复, 不属于环境监管范围' });

/** Where one department's part of a dispatch stands (联合执法: each partner has its own step). */
export enum AssignmentState {
  DISPATCHED = 'DISPATCHED',
  ACCEPTED = 'ACCEPTED',
  FED_BACK = 'FED_BACK',
}
registerEnumType(AssignmentState, { name: 'AssignmentState', description: '部门办理状态: 已派遣 (待受理), 已受理, 已反馈' });
/** How a case reached the system (受理渠道); a complaint's channel issues its external ticket number. */
export enum CaseChannel {
  HOTLINE_12345 = 'HOTLINE_12345',
  HOTLINE_12369 = 'HOTLINE_12369',
  WECHAT = 'WECHAT',
  PHONE = 'PHONE',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  API = 'API',
}
registerEnumType(CaseChannel, {
  name: 'CaseChannel',
  description: '受理渠道 (群众投诉举报): 12345 政务服务热线, 12369 环保举报热线, 微信, 电话, 来信, 来访, 第三方接口',
});

/** The channels that issue their own ticket numbers (工单号): a complaint from them must carry one. */
export const TICKETED_CHANNELS: readonly CaseChannel[] = [CaseChannel.HOTLINE_12345, CaseChannel.HOTLINE_12369];

export enum AnswerMethod {
  PHONE = 'PHONE',
  SMS = 'SMS',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
}
registerEnumType(AnswerMethod, { name: 'AnswerMethod', description: '答复方式: 电话, 短信, 书面, 当面, 网上 (热线平台/微信)' });

export enum AnswerSatisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
  NOT_REACHED = 'NOT_REACHED',
}
registerEnumType(AnswerSatisfaction, { name: 'AnswerSatisfaction', description: '投诉人满意度: 满意, 基本满意, 不满意, 未联系上' });
