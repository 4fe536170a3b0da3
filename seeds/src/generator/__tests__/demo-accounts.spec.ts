import { verify } from '@node-rs/argon2';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../accounts';
import { demoPasswordHash } from '../demo-password';
import { PROFILES } from '../profiles';
import { dataset, records } from './helpers';

describe('demo accounts', () => {
  const tables = dataset(PROFILES.hefei, 1);
  const grids = new Map(records(tables.get('grid')).map((g) => [g.id, g]));
  const all = records(tables.get('account'));
  const accounts = all.filter((a) => !String(a.login).startsWith('gw-'));

  it('cover every role except API_CLIENT, with unique logins', () => {
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect([...roles].sort()).toEqual(
      ['CITY_ADMIN', 'CITY_INSPECTOR', 'CITY_DEPARTMENT', 'PLATFORM_OPERATOR', 'COUNTY_ADMIN', 'COUNTY_DEPARTMENT', 'OFFICER', 'TOWNSHIP_ADMIN', 'GRID_WORKER'].sort(),
    );
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.login)).size).toBe(DEMO_ACCOUNTS.length);
  });

  it('belong to the units the exported list names', () => {
    expect(accounts.map((a) => [a.login, grids.get(a.unit_id as number)?.name])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.login, a.unitName]),
    );
  });

  it('link department, officer and grid-worker accounts to their rows', () => {
    const byLogin = new Map(accounts.map((a) => [a.login, a]));
    const departments = new Map(records(tables.get('department')).map((d) => [d.id, d.name]));
    expect(departments.get(byLogin.get('citydept')?.department_id as number)).toBe('市城管局');
    expect(departments.get(byLogin.get('countydept')?.department_id as number)).toBe('肥东县城管局');
    const officerGrids = records(tables.get('officer_grid')).filter((r) => r.officer_id === byLogin.get('officer')?.officer_id);
    expect(officerGrids.length).toBeGreaterThan(0);
    const worker = records(tables.get('grid_worker_grid')).find((r) => r.grid_worker_id === byLogin.get('gridworker')?.grid_worker_id);
    expect(grids.get(worker?.grid_id as number)?.name).toBe('六家畈社区村民委员会');
  });

  it('give the grid workers who verify on site their own accounts, which their checks name', () => {
    const workerGrid = new Map(records(tables.get('grid_worker_grid')).map((r) => [r.grid_worker_id, r.grid_id]));
    const byId = new Map(all.map((a) => [a.id, a]));
    const cases = new Map(records(tables.get('case')).map((c) => [c.id, c]));
    const checks = records(tables.get('case_event')).filter((e) => String(e.action).startsWith('VERIFY'));
    expect(checks.length).toBeGreaterThan(0);
    for (const e of checks) {
      const actor = byId.get(e.actor_id as number);
      expect([actor?.role, workerGrid.get(actor?.grid_worker_id as number)]).toEqual(['GRID_WORKER', e.grid_id]);
    }
    // Their patrol reports are their own too.
    const patrols = [...cases.values()].filter((c) => c.origin === 'PATROL' && c.reported_by_id !== null);
    expect(patrols.length).toBeGreaterThan(0);
    for (const c of patrols) expect(workerGrid.get(byId.get(c.reported_by_id as number)?.grid_worker_id as number)).toBe(c.grid_id);
    expect(all.filter((a) => String(a.login).startsWith('gw-')).every((a) => a.role === 'GRID_WORKER' && a.grid_worker_id !== null)).toBe(true);
  });

  it('share one deterministic argon2id hash of the demo password', async () => {
    const hash = await demoPasswordHash(5);
    expect(hash).toBe(await demoPasswordHash(5));
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(hash, DEMO_PASSWORD)).toBe(true);
  });
});
