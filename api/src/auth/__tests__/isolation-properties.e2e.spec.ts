import fc from 'fast-check';
import { startTestApp, type TestApp } from '../../test/test-app';

interface GridRow {
  id: number;
  level: 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
  city_id: number;
  county_id: number | null;
  township_id: number | null;
  name: string;
}

/** Roles whose territory is their unit's subtree, with the level of unit each belongs to. */
const ROLES = [
  { role: 'CITY_ADMIN', level: 'CITY' },
  { role: 'CITY_INSPECTOR', level: 'CITY' },
  { role: 'PLATFORM_OPERATOR', level: 'COUNTY' },
  { role: 'COUNTY_ADMIN', level: 'COUNTY' },
  { role: 'TOWNSHIP_ADMIN', level: 'TOWNSHIP' },
] as const;

/** The oracle, written from the 属地 principle and not from the code: is `target` in `unit`'s subtree? */
function within(unit: GridRow, target: Pick<GridRow, 'id' | 'city_id' | 'county_id' | 'township_id'>): boolean {
  if (unit.level === 'CITY') return target.city_id === unit.id;
  if (unit.level === 'COUNTY') return target.county_id === unit.id;
  return target.township_id === unit.id || target.id === unit.id;
}

function mayRename(role: string, unit: GridRow, target: GridRow): boolean {
  if (!within(unit, target)) return false;
  if (role === 'CITY_ADMIN') return target.level !== 'CITY';
  if (role === 'COUNTY_ADMIN') return target.level === 'TOWNSHIP' || target.level === 'VILLAGE';
  if (role === 'TOWNSHIP_ADMIN') return target.level === 'VILLAGE';
  return false;
}

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('isolation properties (fast-check): random accounts, units and records', () => {
  let app: TestApp;
  let grids: GridRow[];
  let sources: { id: number; city_id: number; county_id: number | null; township_id: number | null; grid_id: number }[];
  let hash: string;
  let accounts = 0;

  beforeAll(async () => {
    app = await startTestApp();
    grids = await app.ownerSql<GridRow>('select id, level, city_id, county_id, township_id, name from grid order by id');
    sources = await app.ownerSql('select id, city_id, county_id, township_id, grid_id from pollution_source order by id');
    [{ password_hash: hash }] = await app.ownerSql<{ password_hash: string }>(`select password_hash from account where login = 'cityadmin'`);
  });
  afterAll(() => app.close());

  it('no response and no write ever reaches outside the account’s unit', async () => {
    const byLevel = (level: string) => grids.filter((g) => g.level === level);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROLES),
        fc.nat(),
        fc.array(fc.nat({ max: grids.length - 1 }), { minLength: 3, maxLength: 6 }),
        fc.nat({ max: sources.length - 1 }),
        async (spec, unitPick, targets, sourcePick) => {
          const candidates = byLevel(spec.level);
          const unit = candidates[unitPick % candidates.length];
          const login = `prop_${(accounts += 1)}`;
          await app.ownerSql(
            `insert into account (city_id, county_id, township_id, login, password_hash, display_name, unit_id, role)
             values ($1, $2, $3, $4, $5, $4, $6, $7)`,
            [unit.city_id, unit.county_id, unit.township_id, login, hash, unit.id, spec.role],
          );
          const client = await app.as(login);
          for (const index of targets) {
            const target = grids[index];
            const read = await client.request<{ grid: { id: string } | null }>(`query($id: ID!) { grid(id: $id) { id } }`, { id: gid('Grid', target.id) });
            expect(!!read.data?.grid).toBe(within(unit, target));
            const newName = `${target.name.slice(0, 80)}·${accounts}`;
            await client.request(`mutation($id: ID!, $n: String!) { updateGrid(id: $id, input: { name: $n }) { id } }`, { id: gid('Grid', target.id), n: newName });
            const [after] = await app.ownerSql<{ name: string }>('select name from grid where id = $1', [target.id]);
            expect(after.name === newName).toBe(mayRename(spec.role, unit, target));
            target.name = after.name;
          }
          const source = sources[sourcePick];
          const seen = await client.request<{ source: { id: string } | null }>(`query($id: ID!) { source(id: $id) { id } }`, { id: gid('PollutionSource', source.id) });
          expect(!!seen.data?.source).toBe(within(unit, { ...source, id: source.grid_id }));
          const list = await client.data<{ sources: { totalCount: number } }>(`{ sources(first: 1) { totalCount } }`);
          expect(list.sources.totalCount).toBe(sources.filter((s) => within(unit, { ...s, id: s.grid_id })).length);
        },
      ),
      { numRuns: 30, seed: 20151231 },
    );
  });
});
