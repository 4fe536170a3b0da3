import { registerEnumType } from 'type-graphql';

/** What a course teaches (分类): the plan's 分级分类轮训 groups courses by topic. */
export enum TrainingTopic {
  LAW = 'LAW',
  ENFORCEMENT = 'ENFORCEMENT',
  GRID_PATROL = 'GRID_PATROL',
  POLLUTION_SOURCES = 'POLLUTION_SOURCES',
  CASE_HANDLING = 'CASE_HANDLING',
  OTHER = 'OTHER',
}
registerEnumType(TrainingTopic, {
  name: 'TrainingTopic',
  description: '培训类别: 法律法规, 执法业务, 网格巡查, 污染源监管, 案件处置 (平台流程), 其他',
});

/** Who a course is for. */
export enum TrainingAudience {
  OFFICERS = 'OFFICERS',
  GRID_WORKERS = 'GRID_WORKERS',
  ALL = 'ALL',
}
registerEnumType(TrainingAudience, { name: 'TrainingAudience', description: '培训对象: 执法人员, 环保网格员, 全体' });
