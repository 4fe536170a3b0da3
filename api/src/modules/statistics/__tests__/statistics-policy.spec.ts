import { buildAbility } from '../../../auth/ability';
import { scopeCondition } from '../../../auth/scope-filter';
import { GridLevel, Role } from '../../../common/enums';
import type { Principal } from '../../../context/principal';

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  accountId: 1,
  login: 'x',
  displayName: 'x',
  role,
  unitId: 7,
  unitLevel: GridLevel.COUNTY,
  unitScope: { cityId: 1, countyId: 7, townshipId: null },
  departmentId: 3,
  departmentField: null,
  assignedGridIds: [11, 12],
  assignedTownshipIds: [9],
  apiScopes: [],
  apiKey: null,
  ...extra,
});

describe('statistics policy', () => {
  it('lets every role read case counts exactly where it reads cases', () => {
    for (const role of Object.values(Role)) {
      const ability = buildAbility(principal(role));
      expect([role, ability.can('read', 'CaseStatistic')]).toEqual([role, ability.can('read', 'Case')]);
      expect([role, scopeCondition(ability, 'read', 'CaseStatistic')]).toEqual([role, scopeCondition(ability, 'read', 'Case')]);
    }
  });

  it('gives an API client counts only with the scope that reads cases', () => {
    expect(buildAbility(principal(Role.API_CLIENT)).can('read', 'CaseStatistic')).toBe(false);
    expect(buildAbility(principal(Role.API_CLIENT, { apiScopes: ['READ_CASES'] as Principal['apiScopes'] })).can('read', 'CaseStatistic')).toBe(true);
  });
});
