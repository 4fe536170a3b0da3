import { Role, GridLevel } from '../../common/enums';
import type { Principal } from '../../context/principal';
import { buildAbility } from '../ability';
import { scopeCondition } from '../scope-filter';

const principal = (role: string, unitLevel = GridLevel.COUNTY): Principal => ({
  accountId: 1,
  login: 'x',
  displayName: 'x',
  role: role as Role,
  unitId: 7,
  unitLevel,
  unitScope: { cityId: 1, countyId: 7, townshipId: null },
  departmentId: null,
  departmentField: null,
  assignedGridIds: [],
  assignedTownshipIds: [],
  apiScopes: [],
  apiKey: null,
});

describe('ability factory', () => {
  it('takes its policies from the composition root, and refuses to build an ability before it has them', () => {
    jest.isolateModules(() => {
      // A fresh copy of the module, as a process sees it before start-up installs the role table.
      const fresh = jest.requireActual<typeof import('../ability')>('../ability');
      expect(() => fresh.buildAbility(principal(Role.COUNTY_ADMIN))).toThrow('No policies installed');
      expect(() => fresh.buildSchedulerAbility()).toThrow('No policies installed');
      fresh.installPolicies([({ can }) => can('read', 'Grid')], []);
      expect(fresh.buildAbility(principal(Role.COUNTY_ADMIN)).can('read', 'Grid')).toBe(true);
      expect(fresh.buildAbility(principal(Role.COUNTY_ADMIN)).can('read', 'Case')).toBe(false);
    });
  });

  it('refuses an unknown role instead of granting nothing quietly', () => {
    expect(() => buildAbility(principal('SUPER_USER'))).toThrow('Unknown role: SUPER_USER');
  });

  it('gives no rule (so no query) to nobody, and an API client without scopes reads nothing', () => {
    expect(scopeCondition(buildAbility(null), 'read', 'Case')).toBeNull();
    expect(scopeCondition(buildAbility(principal(Role.API_CLIENT)), 'read', 'Case')).toBeNull();
  });

  it('turns a county admin’s rules into one condition on the county column, OR-ing every permitting rule', () => {
    expect(scopeCondition(buildAbility(principal(Role.COUNTY_ADMIN)), 'read', 'Case')).toEqual({ $or: [{ countyId: 7 }] });
    const grids = scopeCondition(buildAbility(principal(Role.COUNTY_ADMIN)), 'read', 'Grid');
    // Last, the unit handling a case it reads (a case it escalated to the city): tried after the plain columns.
    expect(grids).toEqual({ $or: [{ id: 7 }, { countyId: 7 }, { handledCases: { $some: { countyId: 7 } } }] });
  });
});
