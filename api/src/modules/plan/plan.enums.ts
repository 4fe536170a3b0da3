import { registerEnumType } from 'type-graphql';

export enum PlanKind {
  ANNUAL = 'ANNUAL',
  MONTHLY = 'MONTHLY',
}
registerEnumType(PlanKind, { name: 'PlanKind', description: '执法计划类型: 年度计划, 月度计划' });

/** Where a task comes from: a plan, or one of the three non-planned channels (非计划任务). */
export enum TaskOrigin {
  PLANNED = 'PLANNED',
  INSTRUCTION = 'INSTRUCTION',
  COMPLAINT = 'COMPLAINT',
  TRANSFER = 'TRANSFER',
}
registerEnumType(TaskOrigin, { name: 'TaskOrigin', description: '任务来源: 计划任务, 上级批示交办, 群众投诉举报, 其他单位移送' });

export enum TaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus', description: '任务状态: 办理中, 已完成, 已撤销' });
