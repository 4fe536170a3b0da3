import { registerEnumType } from 'type-graphql';

export enum SupervisionLevel {
  KEY = 'KEY',
  GENERAL = 'GENERAL',
  SPECIAL = 'SPECIAL',
}
registerEnumType(SupervisionLevel, {
  name: 'SupervisionLevel',
  description: '监管等级 (附件5 重点监管对象划分表): KEY 重点, GENERAL 一般, SPECIAL 特殊',
});

export enum SourceType {
  ENTERPRISE = 'ENTERPRISE',
  CONSTRUCTION_SITE = 'CONSTRUCTION_SITE',
  RESTAURANT = 'RESTAURANT',
  LIVESTOCK_FARM = 'LIVESTOCK_FARM',
  AUTO_REPAIR = 'AUTO_REPAIR',
  OTHER = 'OTHER',
}
registerEnumType(SourceType, {
  name: 'SourceType',
  description: '污染源类型: 企业, 建筑工地, 餐饮, 畜禽养殖, 汽修, 其他',
});

export enum SourceStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}
registerEnumType(SourceStatus, {
  name: 'SourceStatus',
  description: '状态: PENDING 待确认 (网格员新报), ACTIVE 在产, SUSPENDED 停产, CLOSED 关闭, REJECTED 不予确认 (新报核实不属实)',
});

/** States only confirmSource/rejectSource enter or leave: a report's review is not an edit. */
export const REVIEW_STATES: ReadonlySet<SourceStatus> = new Set([SourceStatus.PENDING, SourceStatus.REJECTED]);
