import { PROFILES } from '../profiles';
import { copyChunks } from '../copy-text';
import { buildDataset } from '../dataset';
import type { Cell } from '../table';
import { REFERENCE_ANCHOR } from '../timeline';
import { TEST_HASH, dataset, digests, records } from './helpers';

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

  it('gives the scale profiles\' cases by runs of whole days as in one run, with the same log, rollups and events', () => {
    const whole = dataset(small, 7);
    const caseTable = whole.get('case')!;
    const text = (t: { rows(): Iterable<Cell[]> }): string => Buffer.concat([...copyChunks(t.rows())]).toString('utf8');
    const expected = { cases: text(caseTable), derived: (caseTable.derived ?? []).map(text), events: text(whole.get('case_event')!) };
    const days = caseTable.parts!.days;
    expect(days.length).toBeGreaterThan(300);
    // Runs of uneven lengths, generated out of order by a dataset of their own, as workers do.
    const cuts = [0, 1, 7, 8, 90, 200, days.length];
    const runs = cuts.slice(1).map((to, k) => ({ from: days[cuts[k]].from, to: days[to - 1].to })).reverse();
    const range = { from: 0, to: 0 };
    const log = { grid: new Int32Array(small.cases), reportedAt: new Float64Array(small.cases), reportedBy: new Int32Array(small.cases),
      origin: new Uint8Array(small.cases), urgency: new Uint8Array(small.cases), category: new Int32Array(small.cases) };
    const worker = buildDataset({ spec: small, seed: 7, anchor: REFERENCE_ANCHOR, passwordHash: TEST_HASH, caseRange: range, caseLog: log });
    const parts = new Map<number, string>();
    for (const run of runs) {
      Object.assign(range, run);
      parts.set(run.from, text(worker.find((t) => t.table === 'case')!));
    }
    expect([...parts.entries()].sort(([a], [b]) => a - b).map(([, t]) => t).join('')).toEqual(expected.cases);
    // A fresh dataset adopts the runs' log, counts the rollups from it and replays the events.
    const main = dataset(small, 7);
    const mainCases = main.get('case')!;
    let filled = 0;
    for (const run of runs) {
      const slice = Object.fromEntries(Object.entries(log).map(([k, a]) => [k, a.slice(run.from, run.to)])) as typeof log;
      filled += run.to - run.from;
      mainCases.parts!.adopt(slice, run.from, filled);
    }
    mainCases.parts!.finish();
    expect({ cases: expected.cases, derived: (mainCases.derived ?? []).map(text), events: text(main.get('case_event')!) }).toEqual(expected);
  });
});
