import { PROFILES } from '../profiles';
import { dataset, digests, records } from './helpers';

describe('determinism', () => {
  const small = { cities: 2, sources: 3000, cases: 5000 };

  it('gives byte-identical tables for the same seed', () => {
    expect(digests(dataset(PROFILES.hefei, 7))).toEqual(digests(dataset(PROFILES.hefei, 7)));
    expect(digests(dataset(small, 7))).toEqual(digests(dataset(small, 7)));
  });

  it('yields the same rows when a generated table is iterated twice', () => {
    const cases = dataset(PROFILES.hefei, 7).get('case');
    expect(records(cases)).toEqual(records(cases));
  });

  it('differs for another seed, except where nothing is random', () => {
    const a = digests(dataset(PROFILES.hefei, 7));
    const b = digests(dataset(PROFILES.hefei, 8));
    for (const table of ['officer', 'grid_worker', 'account', 'pollution_source', 'case', 'case_event']) {
      expect([table, a[table]]).not.toEqual([table, b[table]]);
    }
    // The grid, categories and departments are reference data: the seed must not move them.
    for (const table of ['grid', 'case_category', 'duty_assignment', 'department', 'department_category']) {
      expect([table, a[table]]).toEqual([table, b[table]]);
    }
  });
});
