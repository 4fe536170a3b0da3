import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

export type Action = 'manage' | 'read' | 'create' | 'update' | 'deactivate' | 'confirm' | 'publish';
export type Subject =
  | 'all'
  | 'Grid'
  | 'Department'
  | 'Officer'
  | 'GridWorker'
  | 'Account'
  | 'ApiKey'
  | 'PollutionSource'
  | 'DischargeOutlet'
  | 'Case'
  | 'CaseEvent'
  | 'CaseCategory'
  | 'Inspection'
  | 'PatrolPlan'
  | 'PatrolCheckIn'
  | 'SensitivePeriod'
  | 'EnforcementPlan'
  | 'WorkTask'
  | 'SpotCheckCampaign'
  | 'SpotCheckItem'
  | 'Audit'
  | 'AuditRecommendation'
  | 'Assessment'
  | 'AssessmentRow'
  | 'AssessmentIndicator'
  | 'CalendarYear'
  | 'DutyAssignment'
  | 'DisclosureSetting'
  | 'TrainingCourse'
  | 'TrainingSession'
  | 'TrainingAttendance'
  | 'MonthlyReport'
  | 'WebhookEndpoint'
  | 'WebhookDelivery'
  | 'CaseAlert'
  | 'OwnerAlert';
export type AppAbility = MongoAbility<[Action, Subject]>;

/** The server's packed rules, unpacked as they are: the console hides, the server decides. */
export function abilityFrom(packed: PackRule<RawRuleOf<AppAbility>>[]): AppAbility {
  return createMongoAbility<AppAbility>(unpackRules<RawRuleOf<AppAbility>>(packed));
}

/** react-admin resource → CASL subject type. */
export const subjectOf: Record<string, Subject> = {
  grids: 'Grid',
  departments: 'Department',
  officers: 'Officer',
  gridWorkers: 'GridWorker',
  sources: 'PollutionSource',
  cases: 'Case',
  accounts: 'Account',
  apiKeys: 'ApiKey',
  caseCategories: 'CaseCategory',
  spotChecks: 'SpotCheckCampaign',
  enforcementPlans: 'EnforcementPlan',
  tasks: 'WorkTask',
  patrolPlans: 'PatrolPlan',
  patrolCheckIns: 'PatrolCheckIn',
  sensitivePeriods: 'SensitivePeriod',
  audits: 'Audit',
  auditRecommendations: 'AuditRecommendation',
  assessmentIndicators: 'AssessmentIndicator',
};

/** react-admin actions → the API's actions. */
export const actionOf: Record<string, Action> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  edit: 'update',
  delete: 'deactivate',
};
