import type { DepartmentRecord } from '../reference/departments';
import type { RoleName } from '@gridwatch/domain';
import type { GridNode } from './grid-tree';
import type { GridWorkerRecord, OfficerRecord } from './people';

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'gridwatch';

/** A demo account: one per role except API_CLIENT, and two county admins to show the boundary. */
export interface DemoAccount {
  login: string;
  role: RoleName;
  /** Name of the account's unit (属地) grid. */
  unitName: string;
  /** What the account stands for, shown at start-up. */
  description: string;
}

interface DemoAccountSpec extends DemoAccount {
  unitCode: string;
  department?: string;
  /** Link to the first officer employed by the unit. */
  officer?: boolean;
  /** Link to the grid worker of this grid. */
  gridWorkerOf?: string;
}

const SPECS: readonly DemoAccountSpec[] = [
  { login: 'cityadmin', role: 'CITY_ADMIN', unitCode: '340100000000', unitName: '合肥市', description: '市环保局管理员' },
  { login: 'inspector', role: 'CITY_INSPECTOR', unitCode: '340100000000', unitName: '合肥市', description: '市级环境监察执法人员', officer: true },
  // 市城管局 rather than 市环保局: the city admin already speaks for the environment bureau, and
  // most urban categories (扬尘, 餐饮油烟, 露天烧烤, 渣土) default to city management.
  { login: 'citydept', role: 'CITY_DEPARTMENT', unitCode: '340100000000', unitName: '合肥市', description: '市城管局', department: '市城管局' },
  { login: 'operator', role: 'PLATFORM_OPERATOR', unitCode: '340102000000', unitName: '瑶海区', description: '瑶海区数字城管坐席' },
  { login: 'yaohai', role: 'COUNTY_ADMIN', unitCode: '340102000000', unitName: '瑶海区', description: '瑶海区环保局管理员' },
  { login: 'feidong', role: 'COUNTY_ADMIN', unitCode: '340122000000', unitName: '肥东县', description: '肥东县环保局管理员' },
  { login: 'countydept', role: 'COUNTY_DEPARTMENT', unitCode: '340122000000', unitName: '肥东县', description: '肥东县城管局', department: '肥东县城管局' },
  { login: 'officer', role: 'OFFICER', unitCode: '340122000000', unitName: '肥东县', description: '肥东县环境执法人员', officer: true },
  { login: 'township', role: 'TOWNSHIP_ADMIN', unitCode: '340122104000', unitName: '长临河镇', description: '长临河镇环保工作人员' },
  {
    login: 'gridworker',
    role: 'GRID_WORKER',
    unitCode: '340122104000',
    unitName: '长临河镇',
    description: '六家畈社区环保网格员',
    gridWorkerOf: '340122104008',
  },
  // A department of a platform unit, so the demo can walk the platform path end to end.
  { login: 'yaohaidept', role: 'COUNTY_DEPARTMENT', unitCode: '340102000000', unitName: '瑶海区', description: '瑶海区城管局', department: '瑶海区城管局' },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = SPECS.map(({ login, role, unitName, description }) => ({
  login,
  role,
  unitName,
  description,
}));

export interface AccountRecord {
  id: number;
  login: string;
  role: RoleName;
  unit: GridNode;
  displayName: string;
  departmentId: number | null;
  officerId: number | null;
  gridWorkerId: number | null;
}

/** Resolves the demo accounts against the generated rows (Hefei, city 0). */
export function buildDemoAccounts(
  grids: readonly GridNode[],
  departments: readonly DepartmentRecord[],
  officers: readonly OfficerRecord[],
  gridWorkers: readonly GridWorkerRecord[],
): AccountRecord[] {
  const gridByCode = new Map(grids.map((g) => [g.code, g]));
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo account: ${what} not found`);
    return value;
  };
  return SPECS.map((spec, i) => {
    const unit = need(gridByCode.get(spec.unitCode), `grid ${spec.unitCode}`);
    const department = spec.department ? need(departments.find((d) => d.name === spec.department), spec.department) : null;
    const officer = spec.officer ? need(officers.find((o) => o.employer.id === unit.id), `officer of ${spec.unitName}`) : null;
    const workerGrid = spec.gridWorkerOf ? need(gridByCode.get(spec.gridWorkerOf), `grid ${spec.gridWorkerOf}`) : null;
    const worker = workerGrid ? need(gridWorkers.find((w) => w.gridId === workerGrid.id), `worker of ${workerGrid.name}`) : null;
    return {
      id: i + 1,
      login: spec.login,
      role: spec.role,
      unit,
      displayName: officer?.name ?? worker?.name ?? spec.description,
      departmentId: department?.id ?? null,
      officerId: officer?.id ?? null,
      gridWorkerId: worker?.id ?? null,
    };
  });
}

/**
 * An account (login `gw-<worker id>`) for each grid worker of `gridIds` who has none yet: the
 * people who report on patrol and verify on site in the seeded life cycles act as themselves.
 */
export function gridWorkerAccounts(gridWorkers: readonly GridWorkerRecord[], gridIds: ReadonlySet<number>, taken: readonly AccountRecord[]): AccountRecord[] {
  const linked = new Set(taken.map((a) => a.gridWorkerId));
  let id = Math.max(0, ...taken.map((a) => a.id));
  return gridWorkers
    .filter((w) => gridIds.has(w.gridId) && !linked.has(w.id))
    .map((w) => ({
      id: ++id,
      login: `gw-${w.id}`,
      role: 'GRID_WORKER' as RoleName,
      unit: w.employer,
      displayName: w.name,
      departmentId: null,
      officerId: null,
      gridWorkerId: w.id,
    }));
}
