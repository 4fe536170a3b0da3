import 'reflect-metadata';
import { Bench } from 'tinybench';
import { buildAbility } from '../src/auth/ability';
import { scopeCondition } from '../src/auth/scope-filter';
import { GridLevel, Role } from '../src/common/enums';
import type { Principal } from '../src/context/principal';
import { installAppPolicies } from '../src/server/policies';

/**
 * What authorization costs per request before any SQL: building the CASL ability from a
 * principal, and turning its rules into the SQL condition of one entity.
 * Run: pnpm --filter @gridwatch/api bench:ability
 */
const principal = (role: Role, unitLevel: GridLevel, assigned: number[] = []): Principal => ({
  accountId: 1,
  login: 'bench',
  displayName: 'bench',
  role,
  unitId: 7,
  unitLevel,
  unitScope: { cityId: 1, countyId: unitLevel === GridLevel.CITY ? null : 7, townshipId: null },
  departmentId: null,
  departmentField: null,
  assignedGridIds: assigned,
  assignedTownshipIds: assigned.slice(0, 2),
  apiScopes: [],
  apiKey: null,
});

const principals = {
  'city admin': principal(Role.CITY_ADMIN, GridLevel.CITY),
  'county admin': principal(Role.COUNTY_ADMIN, GridLevel.COUNTY),
  'grid worker (40 grids)': principal(Role.GRID_WORKER, GridLevel.TOWNSHIP, Array.from({ length: 40 }, (_, i) => 100 + i)),
};

async function main(): Promise<void> {
  installAppPolicies();
  const bench = new Bench({ time: 500, warmupTime: 100 });
  for (const [name, p] of Object.entries(principals)) {
    bench.add(`buildAbility: ${name}`, () => buildAbility(p));
    const ability = buildAbility(p);
    bench.add(`rules → SQL condition (Case): ${name}`, () => scopeCondition(ability, 'read', 'Case'));
    bench.add(`ability + conditions for 4 entities: ${name}`, () => {
      const a = buildAbility(p);
      for (const type of ['Grid', 'PollutionSource', 'Case', 'CaseEvent'] as const) scopeCondition(a, 'read', type);
    });
  }
  await bench.run();
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  console.table(
    bench.tasks.map((task) => {
      const result = task.result && 'latency' in task.result ? task.result : null;
      return {
        task: task.name,
        'µs/op (p50)': result ? Number((result.latency.p50 * 1000).toFixed(2)) : null,
        'µs/op (p99)': result ? Number((result.latency.p99 * 1000).toFixed(2)) : null,
        'ops/s': result ? Math.round(result.throughput.mean) : null,
      };
    }),
  );
}

void main();
