import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import { Role } from '../common/enums';
import type { Principal } from '../context/principal';
import { accountPolicy } from '../modules/account/account.policy';
import { casePolicy, schedulerCasePolicy } from '../modules/case/case.policy';
import { deadlinePolicy } from '../modules/deadline/deadline.policy';
import { departmentPolicy } from '../modules/department/department.policy';
import { dutyPolicy } from '../modules/duty/duty.policy';
import { gridPolicy } from '../modules/grid/grid.policy';
import { personPolicy } from '../modules/person/person.policy';
import { evidencePolicy } from '../modules/evidence/evidence.policy';
import { sourcePolicy } from '../modules/source/source.policy';
import { inspectionPolicy } from '../modules/inspection/inspection.policy';
import { sensitivePeriodPolicy } from '../modules/sensitive-period/sensitive-period.policy';
import { supervisionPolicy } from '../modules/supervision/supervision.policy';
import { patrolPolicy } from '../modules/patrol/patrol.policy';
import { planPolicy } from '../modules/plan/plan.policy';
import { spotCheckPolicy } from '../modules/spot-check/spot-check.policy';
import { auditPolicy } from '../modules/audit/audit.policy';
import { assessmentPolicy } from '../modules/assessment/assessment.policy';
import { statisticsPolicy } from '../modules/statistics/statistics.policy';
import { chainPolicy } from '../modules/chain/chain.policy';
import { disclosurePolicy } from '../modules/disclosure/disclosure.policy';
import { trainingPolicy } from '../modules/training/training.policy';
import { reportPolicy } from '../modules/report/report.policy';
import { webhookPolicy } from '../modules/webhook/webhook.policy';
import type { AssignmentDuty, CaseDuty } from '../modules/case/case.workflow';

/** CRUD, confirming a reported source, and the case workflow's duties (case.workflow.ts names which transition needs which). */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'deactivate' | 'confirm' | CaseDuty | AssignmentDuty;

/** Subject types are entity class names, so an entity instance is its own subject. */
export const subjectTypes = [
  'Grid',
  'Department',
  'Officer',
  'GridWorker',
  'Account',
  'ApiKey',
  'PollutionSource',
  'DischargeOutlet',
  'Case',
  'CaseEvent',
  'CaseCategory',
  'CaseAssignment',
  'CalendarDay',
  'CalendarYear',
  'TimeLimit',
  'DutyAssignment',
  'CaseAlert',
  'CaseEvidence',
  'InspectionFrequency',
  'SensitivePeriod',
  'Inspection',
  'PatrolRule',
  'PatrolPlan',
  'PatrolCheckIn',
  'EnforcementPlan',
  'WorkTask',
  'SpotCheckCampaign',
  'SpotCheckItem',
  'Audit',
  'AuditSample',
  'AuditRecommendation',
  'AssessmentIndicator',
  'Assessment',
  // Not an entity: one row of an assessment table (a subject's scope, type and grids).
  'AssessmentRow',
  'InspectionPhoto',
  // Not an entity: a count of cases (statistics.policy.ts).
  'CaseStatistic',
  'ChainCheckpoint',
  'DisclosureSetting',
  'TrainingCourse',
  'TrainingSession',
  'TrainingAttendance',
  // Not an entity: a unit's monthly report (report.policy.ts).
  'MonthlyReport',
  'WebhookEndpoint',
  'WebhookDelivery',
  'OwnerAlert',
] as const;
export type SubjectType = (typeof subjectTypes)[number];

type SubjectRecord = Record<string, unknown> & ForcedSubject<SubjectType>;
export type AppAbility = MongoAbility<[Action, SubjectType | 'all' | SubjectRecord | object], MongoQuery>;
export type RuleBuilder = AbilityBuilder<AppAbility>;

/** A domain's contribution: its lines of the role table. */
export type Policy = (builder: RuleBuilder, principal: Principal) => void;

const policies: Policy[] = [
  gridPolicy,
  departmentPolicy,
  dutyPolicy,
  personPolicy,
  accountPolicy,
  sourcePolicy,
  casePolicy,
  deadlinePolicy,
  supervisionPolicy,
  evidencePolicy,
  inspectionPolicy,
  sensitivePeriodPolicy,
  patrolPolicy,
  planPolicy,
  spotCheckPolicy,
  auditPolicy,
  assessmentPolicy,
  // After casePolicy: it reads the case rules.
  statisticsPolicy,
  chainPolicy,
  disclosurePolicy,
  trainingPolicy,
  reportPolicy,
  webhookPolicy,
];

const knownRoles = new Set<string>(Object.values(Role));

/**
 * The one ability factory: (role, unit, assignments) → CASL rules. Each domain policy adds
 * its lines; nothing else grants anything. An unknown role is a bug, not an empty ability.
 */
export function buildAbility(principal: Principal | null): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (principal) {
    if (!knownRoles.has(principal.role)) throw new Error(`Unknown role: ${String(principal.role)}`);
    for (const policy of policies) policy(builder, principal);
  }
  return builder.build({ detectSubjectType: detectSubjectType });
}

/** The scheduler's ability: no principal, only what its jobs do (see schedulerCasePolicy). */
export function buildSchedulerAbility(): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  schedulerCasePolicy(builder);
  return builder.build({ detectSubjectType: detectSubjectType });
}

function detectSubjectType(subject: object): SubjectType {
  const forced = (subject as { __caslSubjectType__?: SubjectType }).__caslSubjectType__;
  return forced ?? (subject.constructor.name as SubjectType);
}
