import { HEFEI_GRID_COUNTS } from '../../annex1/plan';
import { DEMO_ACCOUNTS } from '../accounts';
import { CITY_COUNTS, HEFEI_COUNTS, HEFEI_WORKER_ACCOUNTS, PEOPLE_PER_CITY, PER_CITY_COUNTS, PROVINCE_COUNTS, type TableCounts } from '../counts';
import { DEFAULT_SEED, PROFILES } from '../profiles';
import { dataset, records } from './helpers';

describe('count constants', () => {
  it('add up from their parts', () => {
    const g = HEFEI_GRID_COUNTS;
    expect(g.city + g.county + g.urbanTownship + g.adminTownship + g.village).toBe(1649);
    expect(PER_CITY_COUNTS.grid).toBe(g.total);
    expect(PER_CITY_COUNTS.officer).toBe(PEOPLE_PER_CITY.officers);
    expect(PER_CITY_COUNTS.grid_worker).toBe(PEOPLE_PER_CITY.gridWorkers);
    expect(PER_CITY_COUNTS.officer_grid).toBe(PEOPLE_PER_CITY.officerGrids);
    expect(PER_CITY_COUNTS.department).toBe(17 + 17 * g.county + g.adminTownship);
    expect(HEFEI_COUNTS.account).toBe(DEMO_ACCOUNTS.length + HEFEI_WORKER_ACCOUNTS);
    expect(CITY_COUNTS.account).toBe(DEMO_ACCOUNTS.length);
  });

  it('match the rows the hefei profile generates (with the default seed: the life cycles depend on it)', () => {
    const tables = dataset(PROFILES.hefei, DEFAULT_SEED);
    const actual: Record<string, number> = {};
    for (const [name, t] of tables) {
      let n = 0;
      for (const _row of t.rows()) n++;
      expect([name, n]).toEqual([name, t.count]);
      actual[name] = n;
    }
    expect(actual).toEqual(HEFEI_COUNTS);
  });

  it('match the declared sizes of the scale profiles', () => {
    const declared = (spec: typeof PROFILES.city): Partial<TableCounts> =>
      Object.fromEntries([...dataset(spec, 1)].map(([name, t]) => [name, t.count]));
    expect(declared(PROFILES.city)).toEqual(CITY_COUNTS);
    expect(declared(PROFILES.province)).toEqual(PROVINCE_COUNTS);
    expect(PROVINCE_COUNTS.grid).toBe(16 * 1649);
  });

  it('gives the province unique grid codes and case numbers across its cities', () => {
    const tables = dataset({ cities: 16, sources: 2000, cases: 20000 }, 3);
    const codes = records(tables.get('grid')).map((g) => g.code);
    expect(new Set(codes).size).toBe(16 * 1649);
    const numbers = records(tables.get('case')).map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
