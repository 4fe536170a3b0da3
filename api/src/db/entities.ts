import { Account } from '../modules/account/account.entity';
import { ApiKey } from '../modules/account/api-key.entity';
import { Session } from '../modules/account/session.entity';
import { CaseEventChain } from '../modules/case/case-event-chain.entity';
import { CaseAssignment } from '../modules/case/case-assignment.entity';
import { CaseCategory } from '../modules/department/case-category.entity';
import { CaseEvent } from '../modules/case/case-event.entity';
import { Case } from '../modules/case/case.entity';
import { CalendarDay } from '../modules/deadline/calendar-day.entity';
import { CalendarYear } from '../modules/deadline/calendar-year.entity';
import { TimeLimit } from '../modules/deadline/time-limit.entity';
import { DutyAssignment } from '../modules/duty/duty.entity';
import { CaseAlert } from '../modules/supervision/case-alert.entity';
import { CaseEvidence, StoredFile } from '../modules/evidence/evidence.entity';
import { Department } from '../modules/department/department.entity';
import { Grid } from '../modules/grid/grid.entity';
import { GridHistory } from '../modules/grid/grid-history.entity';
import { GridWorker } from '../modules/person/grid-worker.entity';
import { Officer } from '../modules/person/officer.entity';
import { PollutionSourceChange } from '../modules/source/source-change.entity';
import { PollutionSource } from '../modules/source/source.entity';
import { DischargeOutlet } from '../modules/source/outlet.entity';
import { InspectionFrequency } from '../modules/inspection/inspection-frequency.entity';
import { Inspection } from '../modules/inspection/inspection.entity';
import { InspectionPhoto } from '../modules/inspection/inspection-photo.entity';
import { TrainingAttendance, TrainingCourse, TrainingSession } from '../modules/training/training.entity';
import { SensitivePeriod } from '../modules/sensitive-period/sensitive-period.entity';
import { BaseEntity, ScopedEntity, VersionedScopedEntity } from '../common/base.entity';
import { Person } from '../modules/person/person.entity';
import { PatrolRule } from '../modules/patrol/patrol-rule.entity';
import { PatrolPlan } from '../modules/patrol/patrol-plan.entity';
import { PatrolCheckIn } from '../modules/patrol/patrol-check-in.entity';
import { EnforcementPlan } from '../modules/plan/plan.entity';
import { WorkTask } from '../modules/plan/task.entity';
import { SpotCheckCampaign, SpotCheckDraw } from '../modules/spot-check/spot-check.entity';
import { SpotCheckItem } from '../modules/spot-check/spot-check-item.entity';
import { SpotCheckPublication } from '../modules/spot-check/spot-check-publication.entity';
import { Audit, AuditRecommendation, AuditSample } from '../modules/audit/audit.entity';
import { AssessmentIndicator } from '../modules/assessment/assessment-indicator.entity';
import { Assessment } from '../modules/assessment/assessment.entity';
import { ChainCheckpoint } from '../modules/chain/chain-checkpoint.entity';
import { ChainSigningKey } from '../modules/chain/chain-signing-key.entity';
import { DisclosureSetting } from '../modules/disclosure/disclosure-setting.entity';
import { WebhookDelivery, WebhookEndpoint } from '../modules/webhook/webhook.entity';
import { OwnerAlert } from '../modules/webhook/owner-alert.entity';

/** Every entity (and abstract base) MikroORM must discover, listed once. */
export const entities = [
  BaseEntity,
  ScopedEntity,
  VersionedScopedEntity,
  Person,
  Grid,
  GridHistory,
  Department,
  CaseCategory,
  Officer,
  GridWorker,
  Account,
  ApiKey,
  WebhookEndpoint,
  WebhookDelivery,
  OwnerAlert,
  Session,
  PollutionSource,
  PollutionSourceChange,
  DischargeOutlet,
  Case,
  CaseEvent,
  CaseAssignment,
  CaseEventChain,
  CalendarDay,
  CalendarYear,
  TimeLimit,
  DutyAssignment,
  CaseAlert,
  StoredFile,
  CaseEvidence,
  InspectionFrequency,
  SensitivePeriod,
  Inspection,
  PatrolRule,
  PatrolPlan,
  PatrolCheckIn,
  EnforcementPlan,
  WorkTask,
  SpotCheckCampaign,
  SpotCheckDraw,
  SpotCheckItem,
  SpotCheckPublication,
  Audit,
  AuditSample,
  AuditRecommendation,
  AssessmentIndicator,
  Assessment,
  ChainCheckpoint,
  ChainSigningKey,
  DisclosureSetting,
  InspectionPhoto,
  TrainingCourse,
  TrainingSession,
  TrainingAttendance,
];
