import { registerEnumType } from 'type-graphql';

export enum InspectionResult {
  COMPLIANT = 'COMPLIANT',
  PROBLEM_FOUND = 'PROBLEM_FOUND',
}
registerEnumType(InspectionResult, { name: 'InspectionResult', description: '检查结论: COMPLIANT 未发现问题, PROBLEM_FOUND 发现问题' });

export enum IntervalUnit {
  DAY = 'DAY',
  MONTH = 'MONTH',
}
registerEnumType(IntervalUnit, { name: 'IntervalUnit', description: '频次单位: 天, 月' });
