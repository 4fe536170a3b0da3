import { registerEnumType } from 'type-graphql';
import { AssignmentState, CancelReason, CaseAction, CaseChannel, CaseOrigin, CaseStatus, CaseUrgency, TICKETED_CHANNELS } from '@gridwatch/domain';

// The enums are @gridwatch/domain's (the seed generator drives the same workflow); GraphQL registers them here.

registerEnumType(CaseOrigin, {
  name: 'CaseOrigin',
  description: '来源: 网格巡查, 群众投诉举报, 上级批示交办, 其他单位移送, 执法检查, 监测报警',
});

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: '状态: 已上报, 已立案, 已注销, 已派遣, 处理中, 延期待批, 已反馈, 已结案, 已评价, 挂账',
});

registerEnumType(CaseUrgency, { name: 'CaseUrgency', description: '紧急程度: 一般, 紧急, 突发' });

registerEnumType(CaseAction, {
  name: 'CaseAction',
  description:
    '操作: 上报, 立卷, 注销, 上报上一级网格, 派遣, 受理, 回退, 结果反馈, 申请延期, 批准延期, 驳回延期, 挂账, 恢复办理, 核实通过(结案), 核实不通过(返工), 综合评价, 重新办理, 答复投诉人; 期限重算 (系统: 导入节假日安排后); 配合部门受理, 配合部门反馈 (联合执法)',
});

registerEnumType(CancelReason, { name: 'CancelReason', description: '注销原因: 无效, 重复, 不属于环境监管范围' });

registerEnumType(AssignmentState, { name: 'AssignmentState', description: '部门办理状态: 已派遣 (待受理), 已受理, 已反馈' });

registerEnumType(CaseChannel, {
  name: 'CaseChannel',
  description: '受理渠道 (群众投诉举报): 12345 政务服务热线, 12369 环保举报热线, 微信, 电话, 来信, 来访, 第三方接口',
});

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

// TICKETED_CHANNELS: the channels that issue their own ticket numbers (工单号).
export { CaseOrigin, CaseStatus, CaseUrgency, CaseAction, CancelReason, AssignmentState, CaseChannel, TICKETED_CHANNELS };
