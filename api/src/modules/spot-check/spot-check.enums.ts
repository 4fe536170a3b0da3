import { registerEnumType } from 'type-graphql';

export enum SpotCheckStatus {
  DRAFT = 'DRAFT',
  DRAWN = 'DRAWN',
  COMPLETED = 'COMPLETED',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SpotCheckStatus, { name: 'SpotCheckStatus', description: '抽查任务状态: 草拟, 已抽取, 已完成, 已公开, 已撤销' });

/** How the population is split before sampling; each stratum gets its own sample. */
export enum SpotCheckStratification {
  NONE = 'NONE',
  LEVEL = 'LEVEL',
  UNIT = 'UNIT',
  LEVEL_AND_UNIT = 'LEVEL_AND_UNIT',
}
registerEnumType(SpotCheckStratification, {
  name: 'SpotCheckStratification',
  description: '分层抽样: 不分层, 按监管等级, 按县区, 按监管等级和县区',
});

export enum ConflictRule {
  NONE = 'NONE',
  SAME_COUNTY = 'SAME_COUNTY',
}
registerEnumType(ConflictRule, {
  name: 'ConflictRule',
  description: '回避规则: SAME_COUNTY 检查人员不检查本县区的污染源 (默认); NONE 不回避',
});

export enum SpotCheckResult {
  COMPLIANT = 'COMPLIANT',
  PROBLEM_FOUND = 'PROBLEM_FOUND',
}
registerEnumType(SpotCheckResult, { name: 'SpotCheckResult', description: '检查结果: 未发现问题, 发现问题 (立案)' });
