import { AnswerMethod, AnswerSatisfaction, CaseChannel, CaseOrigin, CaseStatus, CaseUrgency } from '../case/case.enums';
import { AnswerTimeliness } from '../complaint/complaint.types';
import { CaseComplexity } from '../deadline/deadline.enums';
import { Employment } from '../person/grid-worker.entity';
import { InspectionResult } from '../inspection/inspection.enums';
import { PlanKind, TaskOrigin, TaskStatus } from '../plan/plan.enums';
import { SpotCheckResult } from '../spot-check/spot-check.enums';
import { AuditFinding, AuditStatus, RecommendationStatus } from '../audit/audit.enums';
import { labels } from '../../common/enum-labels';

// The labels of enums that lower modules read too live next to their enums; exports find every label here.
export { DEPARTMENT_FIELD, GRID_KIND, GRID_LEVEL, YES_NO, type EnumLabels, type Lang } from '../../common/enum-labels';
export { SOURCE_STATUS, SOURCE_TYPE, SUPERVISION_LEVEL } from '../source/source.labels';

export const CASE_STATUS = labels<CaseStatus>(
  {
    REPORTED: '已上报', FILED: '已立案', CANCELLED: '已注销', DISPATCHED: '已派遣', IN_PROGRESS: '处理中', EXTENSION_REQUESTED: '延期待批',
    FED_BACK: '已反馈', CLOSED: '已结案', EVALUATED: '已评价', PARKED: '挂账',
  },
  {
    REPORTED: 'Reported', FILED: 'Filed', CANCELLED: 'Cancelled', DISPATCHED: 'Dispatched', IN_PROGRESS: 'In progress',
    EXTENSION_REQUESTED: 'Extension requested', FED_BACK: 'Fed back', CLOSED: 'Closed', EVALUATED: 'Evaluated', PARKED: 'Parked',
  },
);

export const CASE_ORIGIN = labels<CaseOrigin>(
  { PATROL: '网格巡查', COMPLAINT: '群众投诉举报', INSTRUCTION: '上级批示交办', TRANSFER: '其他单位移送', INSPECTION: '执法检查', MONITORING: '监测报警' },
  { PATROL: 'Patrol', COMPLAINT: 'Complaint', INSTRUCTION: 'Instruction', TRANSFER: 'Transfer', INSPECTION: 'Inspection', MONITORING: 'Monitoring alarm' },
);

export const CASE_CHANNEL = labels<CaseChannel>(
  { HOTLINE_12345: '12345 政务服务热线', HOTLINE_12369: '12369 环保举报热线', WECHAT: '微信', PHONE: '电话', LETTER: '来信', VISIT: '来访', API: '第三方接口' },
  { HOTLINE_12345: '12345 hotline', HOTLINE_12369: '12369 hotline', WECHAT: 'WeChat', PHONE: 'Phone', LETTER: 'Letter', VISIT: 'Visit', API: 'Third-party API' },
);

export const ANSWER_METHOD = labels<AnswerMethod>(
  { PHONE: '电话', SMS: '短信', LETTER: '书面', VISIT: '当面', ONLINE: '网上' },
  { PHONE: 'Phone', SMS: 'SMS', LETTER: 'Letter', VISIT: 'In person', ONLINE: 'Online' },
);

export const ANSWER_SATISFACTION = labels<AnswerSatisfaction>(
  { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意', NOT_REACHED: '未联系上' },
  { SATISFIED: 'Satisfied', BASICALLY_SATISFIED: 'Basically satisfied', DISSATISFIED: 'Dissatisfied', NOT_REACHED: 'Not reached' },
);

export const ANSWER_TIMELINESS = labels<AnswerTimeliness>(
  { ON_TIME: '按时', LATE: '超时', PENDING: '待答复' },
  { ON_TIME: 'On time', LATE: 'Late', PENDING: 'Pending' },
);

export const CASE_URGENCY = labels<CaseUrgency>(
  { NORMAL: '一般', URGENT: '紧急', EMERGENCY: '突发' },
  { NORMAL: 'Normal', URGENT: 'Urgent', EMERGENCY: 'Emergency' },
);

export const CASE_COMPLEXITY = labels<CaseComplexity>(
  { NORMAL: '一般', COMPLEX: '复杂', SPECIAL: '特殊' },
  { NORMAL: 'Normal', COMPLEX: 'Complex', SPECIAL: 'Special' },
);

export const EMPLOYMENT = labels<Employment>({ FULL_TIME: '专职', PART_TIME: '兼职' }, { FULL_TIME: 'Full-time', PART_TIME: 'Part-time' });

export const INSPECTION_RESULT = labels<InspectionResult>({ COMPLIANT: '未发现问题', PROBLEM_FOUND: '发现问题' }, { COMPLIANT: 'Compliant', PROBLEM_FOUND: 'Problem found' });

export const PLAN_KIND = labels<PlanKind>({ ANNUAL: '年度计划', MONTHLY: '月度计划' }, { ANNUAL: 'Annual', MONTHLY: 'Monthly' });

export const TASK_ORIGIN = labels<TaskOrigin>(
  { PLANNED: '计划任务', INSTRUCTION: '上级批示交办', COMPLAINT: '群众投诉举报', TRANSFER: '其他单位移送' },
  { PLANNED: 'Planned', INSTRUCTION: 'Instruction', COMPLAINT: 'Complaint', TRANSFER: 'Transfer' },
);

export const TASK_STATUS = labels<TaskStatus>({ OPEN: '办理中', DONE: '已完成', CANCELLED: '已撤销' }, { OPEN: 'Open', DONE: 'Done', CANCELLED: 'Cancelled' });

export const SPOT_CHECK_RESULT = labels<SpotCheckResult>({ COMPLIANT: '未发现问题', PROBLEM_FOUND: '发现问题' }, { COMPLIANT: 'Compliant', PROBLEM_FOUND: 'Problem found' });

export const AUDIT_STATUS = labels<AuditStatus>(
  { SAMPLED: '已抽样', FINDINGS_ISSUED: '已下发意见', CLOSED: '已结束' },
  { SAMPLED: 'Sampled', FINDINGS_ISSUED: 'Findings issued', CLOSED: 'Closed' },
);

export const AUDIT_FINDING = labels<AuditFinding>(
  { MEETS: '符合要求', ATTENTION: '需关注', IMPROVEMENT_NEEDED: '需整改' },
  { MEETS: 'Meets', ATTENTION: 'Attention', IMPROVEMENT_NEEDED: 'Improvement needed' },
);

export const RECOMMENDATION_STATUS = labels<RecommendationStatus>(
  { OPEN: '待整改', RESPONDED: '已反馈', CLOSED: '已销号' },
  { OPEN: 'Open', RESPONDED: 'Responded', CLOSED: 'Closed' },
);
