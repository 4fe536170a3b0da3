import { buildAbility } from '../../../auth/ability';
import { GridLevel, Role } from '../../../common/enums';
import type { Principal } from '../../../context/principal';
import { AssessmentSubjectType as S } from '../assessment.enums';
import { readableRowSql } from '../assessment-row-scope';

const principal = (role: Role, unitLevel: GridLevel, assignedGridIds: number[] = []): Principal => ({
  accountId: 1,
  login: 'x',
  displayName: 'x',
  role,
  unitId: 7,
  unitLevel,
  unitScope: { cityId: 1, countyId: 7, townshipId: null },
  departmentId: null,
  departmentField: null,
  assignedGridIds,
  assignedTownshipIds: [],
  apiScopes: [],
  apiKey: null,
});

/** The policy's AssessmentRow rules as the SQL condition the measures statement reads rows by. */
describe('readable assessment rows in SQL', () => {
  it('bounds a county admin to its county, for the subject types it assesses only', () => {
    const county = buildAbility(principal(Role.COUNTY_ADMIN, GridLevel.COUNTY));
    expect(readableRowSql(county, S.GRID_WORKER)).toEqual({ sql: '((s.county_id = ? and true))', bindings: [7] });
    expect(readableRowSql(county, S.COUNTY)).toEqual({ sql: '((s.county_id = ? and false))', bindings: [7] });
  });

  it('gives a grid worker the rows attached to its own grids', () => {
    const worker = buildAbility(principal(Role.GRID_WORKER, GridLevel.VILLAGE, [41, 42]));
    expect(readableRowSql(worker, S.GRID_WORKER)).toEqual({ sql: '((true and s.grid_ids && ?))', bindings: ['{"41","42"}'] });
    expect(readableRowSql(worker, S.GRID).sql).toContain('false');
  });

  it('reads nothing without a permitting rule', () => {
    expect(readableRowSql(buildAbility(null), S.GRID_WORKER)).toEqual({ sql: 'false', bindings: [] });
    expect(readableRowSql(buildAbility(principal(Role.COUNTY_DEPARTMENT, GridLevel.COUNTY)), S.DEPARTMENT)).toEqual({ sql: 'false', bindings: [] });
  });
});
