import type { Policy } from '../../auth/ability';
import { unitSubtree } from '../../auth/territory';
import { Role } from '../../common/enums';
import { AssessmentSubjectType as S } from './assessment.enums';

/** Whom each administration assesses (分级考核): counties their grid workers, townships and streets, officers, departments. */
const ASSESSES: Partial<Record<Role, S[]>> = {
  [Role.CITY_ADMIN]: Object.values(S),
  [Role.COUNTY_ADMIN]: [S.GRID_WORKER, S.OFFICER, S.GRID, S.TOWNSHIP, S.STREET, S.DEPARTMENT],
  [Role.TOWNSHIP_ADMIN]: [S.GRID_WORKER, S.GRID],
};

/**
 * 绩效考核. The city defines the indicators (every person reads them). Rows of an assessment
 * (`AssessmentRow`: a subject's scope columns, type and grids) are read by the city, by an
 * administration for the subjects it assesses, and by a grid worker for itself; published
 * assessments (`Assessment`) by whoever may publish them.
 */
export const assessmentPolicy: Policy = ({ can }, p) => {
  if (p.role !== Role.API_CLIENT) can('read', 'AssessmentIndicator');
  if (p.role === Role.CITY_ADMIN) can('create', 'AssessmentIndicator');

  if (p.role === Role.CITY_INSPECTOR) {
    can('read', ['AssessmentRow', 'Assessment'], { cityId: p.unitId });
  }
  const assesses = ASSESSES[p.role];
  if (assesses) {
    const where = { ...unitSubtree(p, 'unitId'), subjectType: { $in: assesses } };
    can(['read', 'create'], 'Assessment', where);
    can('read', 'AssessmentRow', where);
  }
  // A grid worker sees its own row: the subject attached to its grids.
  if (p.role === Role.GRID_WORKER) {
    can('read', 'AssessmentRow', { subjectType: S.GRID_WORKER, gridIds: { $in: p.assignedGridIds } });
  }
};
