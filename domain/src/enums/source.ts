/** 监管等级 (附件5 重点监管对象划分表). */
export enum SupervisionLevel {
  KEY = 'KEY',
  GENERAL = 'GENERAL',
  SPECIAL = 'SPECIAL',
}
export type SupervisionLevelName = `${SupervisionLevel}`;

export enum SourceType {
  ENTERPRISE = 'ENTERPRISE',
  CONSTRUCTION_SITE = 'CONSTRUCTION_SITE',
  RESTAURANT = 'RESTAURANT',
  LIVESTOCK_FARM = 'LIVESTOCK_FARM',
  AUTO_REPAIR = 'AUTO_REPAIR',
  OTHER = 'OTHER',
}
export type SourceTypeName = `${SourceType}`;

export enum SourceStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}
export type SourceStatusName = `${SourceStatus}`;

/** States only confirming or rejecting a reported source enters or leaves: a report's review is not an edit. */
export const REVIEW_STATES: ReadonlySet<SourceStatus> = new Set([SourceStatus.PENDING, SourceStatus.REJECTED]);

/** The kinds of entry in a source's change history. */
export enum SourceChangeAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DEACTIVATED = 'DEACTIVATED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
export type SourceChangeActionName = `${SourceChangeAction}`;
