import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import { Role } from '../common/enums';
import type { Principal } from '../context/principal';
import type { AssignmentDuty, CaseDuty } from './duties';

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

/** The scheduler's lines: no principal, only what its jobs do. */
export type SchedulerPolicy = (builder: RuleBuilder) => void;

/** The domain policies, handed over by the composition root (server/policies.ts) before any ability is built. */
let installed: { policies: readonly Policy[]; scheduler: readonly SchedulerPolicy[] } | null = null;

/** Called once at start-up by whoever assembles the application; the order is the role table's order. */
export function installPolicies(policies: readonly Policy[], scheduler: readonly SchedulerPolicy[]): void {
  installed = { policies: [...policies], scheduler: [...scheduler] };
}

function installedPolicies(): NonNullable<typeof installed> {
  // Building an ability without them would silently grant nothing: fail loudly instead.
  if (!installed) throw new Error('No policies installed: the composition root calls installPolicies (server/policies.ts) at start-up');
  return installed;
}

const knownRoles = new Set<string>(Object.values(Role));

/**
 * The one ability factory: (role, unit, assignments) → CASL rules. Each domain policy adds
 * its lines; nothing else grants anything. An unknown role is a bug, not an empty ability.
 */
export function buildAbility(principal: Principal | null): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (principal) {
    if (!knownRoles.has(principal.role)) throw new Error(`Unknown role: ${String(principal.role)}`);
    for (const policy of installedPolicies().policies) policy(builder, principal);
  }
  return builder.build({ detectSubjectType: detectSubjectType });
}

/** The scheduler's ability: no principal, only what its jobs do (see schedulerCasePolicy). */
export function buildSchedulerAbility(): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const policy of installedPolicies().scheduler) policy(builder);
  return builder.build({ detectSubjectType: detectSubjectType });
}

function detectSubjectType(subject: object): SubjectType {
  const forced = (subject as { __caslSubjectType__?: SubjectType }).__caslSubjectType__;
  return forced ?? (subject.constructor.name as SubjectType);
}
