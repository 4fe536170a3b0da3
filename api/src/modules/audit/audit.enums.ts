import { registerEnumType } from 'type-graphql';

export enum AuditStatus {
  SAMPLED = 'SAMPLED',
  FINDINGS_ISSUED = 'FINDINGS_ISSUED',
  CLOSED = 'CLOSED',
}
registerEnumType(AuditStatus, { name: 'AuditStatus', description: '督查状态: 已抽样 (评分中), 已下发意见 (整改中), 已结束' });

/** What an audit samples. Patrol records join when the patrol plans land (see audit-sampling.ts). */
export enum AuditElementKind {
  CASE_FILE = 'CASE_FILE',
  PATROL_RECORD = 'PATROL_RECORD',
}
registerEnumType(AuditElementKind, { name: 'AuditElementKind', description: '抽查要素: 案卷, 巡查记录' });

export enum AuditFinding {
  MEETS = 'MEETS',
  ATTENTION = 'ATTENTION',
  IMPROVEMENT_NEEDED = 'IMPROVEMENT_NEEDED',
}
registerEnumType(AuditFinding, { name: 'AuditFinding', description: '督查结论: 符合要求, 需关注, 需整改' });

export enum RecommendationStatus {
  OPEN = 'OPEN',
  RESPONDED = 'RESPONDED',
  CLOSED = 'CLOSED',
}
registerEnumType(RecommendationStatus, { name: 'RecommendationStatus', description: '整改意见状态: 待整改, 已反馈, 已销号' });
