import { registerEnumType } from 'type-graphql';

/** Who is assessed: the rows of an assessment table. */
export enum AssessmentSubjectType {
  GRID_WORKER = 'GRID_WORKER',
  OFFICER = 'OFFICER',
  GRID = 'GRID',
  TOWNSHIP = 'TOWNSHIP',
  COUNTY = 'COUNTY',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(AssessmentSubjectType, {
  name: 'AssessmentSubjectType',
  description: '考核对象: 环保网格员, 执法人员, 网格, 乡镇街道, 县区, 责任部门',
});

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  POINTS = 'POINTS',
  COUNT = 'COUNT',
}
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: '计量单位: 百分比, 分 (0-100), 件/次' });
