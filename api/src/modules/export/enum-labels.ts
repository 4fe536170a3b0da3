import { DepartmentField, GridKind, GridLevel } from '../../common/enums';
import { AnswerMethod, AnswerSatisfaction, CaseChannel, CaseOrigin, CaseStatus, CaseUrgency } from '../case/case.enums';
import { AnswerTimeliness } from '../complaint/complaint.types';
import { CaseComplexity } from '../deadline/deadline.enums';
import { Employment } from '../person/grid-worker.entity';
import { SourceStatus, SourceType, SupervisionLevel } from '../source/source.enums';
import { InspectionResult } from '../inspection/inspection.enums';
import { PlanKind, TaskOrigin, TaskStatus } from '../plan/plan.enums';
import { SpotCheckResult } from '../spot-check/spot-check.enums';
import { AuditFinding, AuditStatus, RecommendationStatus } from '../audit/audit.enums';

export type Lang = 'zh' | 'en';

/** What a file shows for each value of an enum, per language (the console's wording). */
export interface EnumLabels<E extends string = string> {
  zh: Record<E, string>;
  en: Record<E, string>;
}

// Typed as Record<Enum, string>: a new enum value without a label does not compile.
const labels = <E extends string>(zh: Record<E, string>, en: Record<E, string>): EnumLabels<E> => ({ zh, en });

export const GRID_LEVEL = labels<GridLevel>(
  { CITY: '市级', COUNTY: '县区级', TOWNSHIP: '乡镇街道级', VILLAGE: '村居级' },
  { CITY: 'City', COUNTY: 'County', TOWNSHIP: 'Township', VILLAGE: 'Village' },
);

export const GRID_KIND = labels<GridKind>(
  { ADMINISTRATIVE: '按行政区域', URBAN_MANAGEMENT: '城市管理网格' },
  { ADMINISTRATIVE: 'Administrative', URBAN_MANAGEMENT: 'Urban management' },
);

export const DEPARTMENT_FIELD = labels<DepartmentField>(
  {
    DEVELOPMENT_REFORM: '发展改革', ECONOMY_IT: '经济和信息化', AGRICULTURE: '农业', CONSTRUCTION: '城乡建设', PUBLIC_SECURITY: '公安',
    FINANCE: '财政', LAND: '国土资源', TRANSPORT: '交通运输', WATER: '水务', FORESTRY_GARDENS: '林业和园林', COMMERCE: '商务', PLANNING: '规划',
    URBAN_MANAGEMENT: '城市管理', ENVIRONMENT: '环境保护', WORK_SAFETY: '安全生产', MARKET_REGULATION: '工商 (市场监管)',
    LIVESTOCK_FISHERY: '畜牧水产', TOWNSHIP_OFFICE: '乡镇街道办',
  },
  {
    DEVELOPMENT_REFORM: 'Development and reform', ECONOMY_IT: 'Economy and IT', AGRICULTURE: 'Agriculture', CONSTRUCTION: 'Construction',
    PUBLIC_SECURITY: 'Public security', FINANCE: 'Finance', LAND: 'Land resources', TRANSPORT: 'Transport', WATER: 'Water',
    FORESTRY_GARDENS: 'Forestry and gardens', COMMERCE: 'Commerce', PLANNING: 'Planning', URBAN_MANAGEMENT: 'Urban management',
    ENVIRONMENT: 'Environment', WORK_SAFETY: 'Work safety', MARKET_REGULATION: 'Market regulation', LIVESTOCK_FISHERY: 'Livestock and fishery',
    TOWNSHIP_OFFICE: 'Township office',
  },
);

export const SOURCE_TYPE = labels<SourceType>(
  { ENTERPRISE: '企业', CONSTRUCTION_SITE: '建筑工地', RESTAURANT: '餐饮', LIVESTOCK_FARM: '畜禽养殖', AUTO_REPAIR: '汽修', OTHER: '其他' },
  { ENTERPRISE: 'Enterprise', CONSTRUCTION_SITE: 'Construction site', RESTAURANT: 'Restaurant', LIVESTOCK_FARM: 'Livestock farm', AUTO_REPAIR: 'Auto repair', OTHER: 'Other' },
);

export const SUPERVISION_LEVEL = labels<SupervisionLevel>(
  { KEY: '重点', GENERAL: '一般', SPECIAL: '特殊' },
  { KEY: 'Key', GENERAL: 'General', SPECIAL: 'Special' },
);

export const SOURCE_STATUS = labels<SourceStatus>(
  { PENDING: '待确认', ACTIVE: '在产', SUSPENDED: '停产', CLOSED: '关闭', REJECTED: '不予确认' },
  { PENDING: 'Pending', ACTIVE: 'Active', SUSPENDED: 'Suspended', CLOSED: 'Closed', REJECTED: 'Rejected' },
);

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

export const YES_NO = labels<'true' | 'false'>({ true: '是', false: '否' }, { true: 'Yes', false: 'No' });

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
