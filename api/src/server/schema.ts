import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { normaliseRootArguments } from './input-normalisation';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from '../auth/requires';
import { ARGUMENT_VALIDATION } from '../common/connection';
import { AccountResolver } from '../modules/account/account.resolver';
import { ApiKeyResolver } from '../modules/account/api-key.resolver';
import { WebhookResolver } from '../modules/webhook/webhook.resolver';
import { CaseCategoryResolver } from '../modules/case/case-category.resolver';
import { CaseResolver, GridCasesResolver, SourceCasesResolver } from '../modules/case/case.resolver';
import { CaseAssignmentResolver, CaseWorkflowResolver } from '../modules/case/case-workflow.resolver';
import { CaseEventResolver } from '../modules/case/case-event.resolver';
import { ComplaintResolver } from '../modules/complaint/complaint.resolver';
import { DeadlineResolver } from '../modules/deadline/deadline.resolver';
import { AlertResolver, CaseAlertsResolver, DeadlineSweepResolver } from '../modules/supervision/supervision.resolver';
import { CaseEvidenceResolver } from '../modules/evidence/evidence.resolver';
import { DepartmentResolver } from '../modules/department/department.resolver';
import { DutyResolver } from '../modules/duty/duty.resolver';
import { DepartmentDutiesResolver } from '../modules/duty/department-duties.resolver';
import { ExportResolver } from '../modules/export/export.resolver';
import { GridResolver } from '../modules/grid/grid.resolver';
import { CalendarScheduleResolver } from '../modules/case/calendar-schedule.resolver';
import { GridSuggestionResolver } from '../modules/patrol/grid-suggestion.resolver';
import { MapResolver } from '../modules/map/map.resolver';
import { GridStaffResolver, GridWorkerResolver, OfficerResolver } from '../modules/person/person.resolver';
import { GridSourcesResolver, SourceResolver } from '../modules/source/source.resolver';
import { OutletResolver, SourceOutletsResolver } from '../modules/source/outlet.resolver';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver';
import { InspectionResolver, SourceInspectionsResolver } from '../modules/inspection/inspection.resolver';
import { GridPatrolFactorResolver, SensitivePeriodResolver } from '../modules/sensitive-period/sensitive-period.resolver';
import { PatrolCheckInResolver, PatrolResolver } from '../modules/patrol/patrol.resolver';
import { PlanResolver, TaskResolver } from '../modules/plan/plan.resolver';
import { CoverageGapResolver, CoverageResolver, PatrolWorkerProgressResolver } from '../modules/patrol/coverage.resolver';
import { AuditRecommendationResolver, AuditResolver, AuditSampleResolver } from '../modules/audit/audit.resolver';
import { DrawnSpotCheckResolver, SpotCheckDrawResolver, SpotCheckItemResolver, SpotCheckResolver } from '../modules/spot-check/spot-check.resolver';
import { CaseEventDigestResolver, ChainResolver } from '../modules/chain/chain.resolver';
import { DisclosureResolver } from '../modules/disclosure/disclosure.resolver';
import { TrainingAttendanceResolver, TrainingCourseResolver, TrainingSessionResolver } from '../modules/training/training.resolver';
import { ReportResolver } from '../modules/report/report.resolver';
import { AssessmentDrillDownResolver, AssessmentResolver, PublishedAssessmentResolver } from '../modules/assessment/assessment.resolver';

export const resolvers: NonEmptyArray<Function> = [
  GridResolver,
  GridSuggestionResolver,
  MapResolver,
  DepartmentResolver,
  DutyResolver,
  DepartmentDutiesResolver,
  OfficerResolver,
  GridWorkerResolver,
  GridStaffResolver,
  AccountResolver,
  ApiKeyResolver,
  WebhookResolver,
  SourceResolver,
  GridSourcesResolver,
  OutletResolver,
  SourceOutletsResolver,
  CaseResolver,
  CaseCategoryResolver,
  GridCasesResolver,
  SourceCasesResolver,
  CaseWorkflowResolver,
  CaseAssignmentResolver,
  CaseEventResolver,
  ComplaintResolver,
  DeadlineResolver,
  CalendarScheduleResolver,
  CaseAlertsResolver,
  AlertResolver,
  DeadlineSweepResolver,
  CaseEvidenceResolver,
  StatisticsResolver,
  InspectionResolver,
  SourceInspectionsResolver,
  SensitivePeriodResolver,
  GridPatrolFactorResolver,
  PatrolResolver,
  PatrolCheckInResolver,
  CoverageResolver,
  CoverageGapResolver,
  PatrolWorkerProgressResolver,
  PlanResolver,
  TaskResolver,
  SpotCheckResolver,
  SpotCheckDrawResolver,
  DrawnSpotCheckResolver,
  SpotCheckItemResolver,
  AuditResolver,
  AuditSampleResolver,
  AuditRecommendationResolver,
  TrainingCourseResolver,
  TrainingSessionResolver,
  TrainingAttendanceResolver,
  ReportResolver,
  AssessmentResolver,
  PublishedAssessmentResolver,
  AssessmentDrillDownResolver,
  ExportResolver,
  ChainResolver,
  CaseEventDigestResolver,
  DisclosureResolver,
];

let built: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process from the decorated classes. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: ARGUMENT_VALIDATION,
  }).then(normaliseRootArguments);
  return built;
}
