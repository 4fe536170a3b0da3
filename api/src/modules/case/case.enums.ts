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

/** The states of the eight-step workflow (八步工作流程); transitions come with the workflow issue. */
export enum CaseStatus {
  REPORTED = 'REPORTED',
  FILED = 'FILED',
  CANCELLED = 'CANCELLED',
  DISPATCHED = 'DISPATCHED',
  IN_PROGRESS = 'IN_PROGRESS',
  FED_BACK = 'FED_BACK',
  CLOSED = 'CLOSED',
  EVALUATED = 'EVALUATED',
  PARKED = 'PARKED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: '状态: 已上报, 已立案, 已注销, 已派遣, 处理中, 已反馈, 已结案, 已评价, 挂账',
});

export enum CaseUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}
registerEnumType(CaseUrgency, { name: 'CaseUrgency', description: '紧急程度: 一般, 紧急, 突发' });

export enum CaseAction {
  REPORT = 'REPORT',
}
registerEnumType(CaseAction, { name: 'CaseAction', description: '操作: 上报 (其余步骤随工作流上线)' });
