import { installPolicies, type Policy } from '../auth/ability';
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

// The role table is assembled here, at the composition root, so auth/ never imports a module.

/** Each domain's lines of the role table, in the order they are applied. */
export const policies: readonly Policy[] = [
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

/** Hands the role table to the ability factory; every entry point (server, CLI, tests) calls it before building a context. */
export function installAppPolicies(): void {
  installPolicies(policies, [schedulerCasePolicy]);
}
