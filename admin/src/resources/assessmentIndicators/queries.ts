import type { ResourceSpec } from '../../data/spec';

/** 考核指标: a plain list of the current versions (`history: true` adds the superseded ones). */
export const assessmentIndicatorSpec: ResourceSpec = {
  list: 'assessmentIndicators',
  plainList: true,
  listFields: () => `id code name description formula unit subjectTypes sampleMeasure minSample position version createdAt supersededAt`,
  create: 'defineAssessmentIndicator',
};
