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
};
