import { registerEnumType } from 'type-graphql';
import { CaseComplexity, LimitUnit } from '@gridwatch/domain';

// LimitUnit and CaseComplexity are @gridwatch/domain's (its working calendar counts in the one; the seeds dispatch with the other); GraphQL registers them here.

/** The clocks of a case: which limit runs while the case waits for whom. */
export enum DeadlineStep {
  FILE = 'FILE',
  LOCAL = 'LOCAL',
  DISPATCH = 'DISPATCH',
  HANDLE = 'HANDLE',
  VERIFY = 'VERIFY',
  ANSWER = 'ANSWER',
}
registerEnumType(DeadlineStep, {
  name: 'DeadlineStep',
  description: '时限环节: 立卷, 本级办理(无平台), 派遣, 处置, 核实, 答复投诉人',
});

registerEnumType(LimitUnit, { name: 'LimitUnit', description: '时限单位: 工作日, 小时 (自然时), 当日' });

registerEnumType(CaseComplexity, { name: 'CaseComplexity', description: '案情: 一般, 复杂, 特殊 (处置时限 5/10/15 个工作日)' });

export enum DueState {
  OVERDUE = 'OVERDUE',
  DUE_SOON = 'DUE_SOON',
}
registerEnumType(DueState, { name: 'DueState', description: '已超时; 即将到期 (下一个工作日结束前)' });

/** The file formats of a year's official schedule (节假日安排). */
export enum ScheduleFormat {
  CSV = 'CSV',
  ICS = 'ICS',
}

registerEnumType(ScheduleFormat, { name: 'ScheduleFormat', description: '节假日安排文件格式: CSV (日期,是否上班,名称) 或 ICS (全天事件; 含"班"为调休上班)' });

export { CaseComplexity, LimitUnit };
