import type { ResourceSpec } from '../data/spec';
import { accountSpec } from './accounts/queries';
import { apiKeySpec } from './apiKeys/queries';
import { caseCategorySpec } from './caseCategories/queries';
import { caseSpec } from './cases/queries';
import { departmentSpec } from './departments/queries';
import { gridWorkerSpec } from './gridWorkers/queries';
import { gridSpec } from './grids/queries';
import { officerSpec } from './officers/queries';
import { sourceSpec } from './sources/queries';
import { spotCheckSpec } from './spotChecks/queries';
import { enforcementPlanSpec } from './enforcementPlans/queries';
import { taskSpec } from './tasks/queries';
import { patrolPlanSpec } from './patrolPlans/queries';
import { patrolCheckInSpec } from './patrolCheckIns/queries';
import { sensitivePeriodSpec } from './sensitivePeriods/queries';
import { auditSpec } from './audits/queries';
import { auditRecommendationSpec } from './auditRecommendations/queries';
import { assessmentIndicatorSpec } from './assessmentIndicators/queries';

/** react-admin resource name → its mapping onto the API. */
export const specs: Record<string, ResourceSpec> = {
  grids: gridSpec,
  departments: departmentSpec,
  officers: officerSpec,
  gridWorkers: gridWorkerSpec,
  sources: sourceSpec,
  cases: caseSpec,
  caseCategories: caseCategorySpec,
  accounts: accountSpec,
  apiKeys: apiKeySpec,
  spotChecks: spotCheckSpec,
  enforcementPlans: enforcementPlanSpec,
  tasks: taskSpec,
  patrolPlans: patrolPlanSpec,
  patrolCheckIns: patrolCheckInSpec,
  sensitivePeriods: sensitivePeriodSpec,
  audits: auditSpec,
  auditRecommendations: auditRecommendationSpec,
  assessmentIndicators: assessmentIndicatorSpec,
};
