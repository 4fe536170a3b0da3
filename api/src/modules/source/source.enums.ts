import { registerEnumType } from 'type-graphql';
import { REVIEW_STATES, SourceStatus, SourceType, SupervisionLevel } from '@gridwatch/domain';

// The enums are @gridwatch/domain's (seeds and the console use them too); GraphQL registers them here.

registerEnumType(SupervisionLevel, {
  name: 'SupervisionLevel',
  description: '监管等级 (附件5 重点监管对象划分表): KEY 重点, GENERAL 一般, SPECIAL 特殊',
});

registerEnumType(SourceType, {
  name: 'SourceType',
  description: '污染源类型: 企业, 建筑工地, 餐饮, 畜禽养殖, 汽修, 其他',
});

registerEnumType(SourceStatus, {
  name: 'SourceStatus',
  description: '状态: PENDING 待确认 (网格员新报), ACTIVE 在产, SUSPENDED 停产, CLOSED 关闭, REJECTED 不予确认 (新报核实不属实)',
});

// REVIEW_STATES: the states only confirmSource/rejectSource enter or leave.
export { REVIEW_STATES, SupervisionLevel, SourceType, SourceStatus };
