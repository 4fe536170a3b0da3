import { registerEnumType } from 'type-graphql';

/** Who is assessed: the rows of an assessment table. */
export enum AssessmentSubjectType {
  GRID_WORKER = 'GRID_WORKER',
  OFFICER = 'OFFICER',
  GRID = 'GRID',
  TOWNSHIP = 'TOWNSHIP',
  /** A street (街道) of an urban district: its urban management grids, grouped by street code. */
  STREET = 'STREET',
  COUNTY = 'COUNTY',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(AssessmentSubjectType, {
  name: 'AssessmentSubjectType',
  description: '考核对象: 环保网格员, 执法人员, 网格, 乡镇街道, 街道 (城区城管网格按街道代码归并), 县区, 责任部门',
});

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  POINTS = 'POINTS',
  COUNT = 'COUNT',
}
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: '计量单位: 百分比, 分 (0-100), 件/次' });

/** Why a row has no rank. */
export enum UnrankedReason {
  NO_VALUE = 'NO_VALUE',
  SAMPLE_TOO_SMALL = 'SAMPLE_TOO_SMALL',
}
registerEnumType(UnrankedReason, { name: 'AssessmentUnrankedReason', description: '不排名的原因: 排名指标无值; 样本量不足 (低于该指标的最小样本)' });
