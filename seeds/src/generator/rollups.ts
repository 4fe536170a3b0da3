import { CaseStatus, type CaseStatusName } from '@gridwatch/domain';
import type { GridNode } from './grid-tree';
import type { Cell, TableData } from './table';

/**
 * The api's case rollups (Migration20261208030000_case_rollups: counts per unit × status ×
 * category, per due day, per reported and closed day, at every unit of the case's path), counted
 * as the case table is generated. Rebuilding them in SQL after the load grouped the 5M cases
 * three times and took longer than copying them; the load copies these rows instead, and the
 * tests compare them with the api's own rebuild (gw_case_rollup_rebuild).
 */
const STATUSES: readonly CaseStatusName[] = Object.values(CaseStatus);
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
// Keys pack status 2^4, category 2^8, day 2^15 and kind 2^1 into a small integer (< 2^30).
const UNITS = 2 ** 20;
const DAYS = 2 ** 15;

/** One unit of a case's path, as gw_case_rollup_units lists it (city, county, township, grid; each unit once). */
interface PathUnit {
  unit: number;
  parent: number | null;
  own: boolean;
  cityId: number;
  countyId: number | null;
  townshipId: number | null;
}

export function rollupPath(grid: GridNode): PathUnit[] {
  const steps: Array<[number | null, number | null, number | null]> = [
    [grid.cityId, null, null],
    [grid.countyId, grid.countyId, null],
    [grid.townshipId, grid.countyId, grid.townshipId],
    [grid.id, grid.countyId, grid.townshipId],
  ];
  const out: PathUnit[] = [];
  for (const [unit, countyId, townshipId] of steps) {
    if (unit === null || out.some((u) => u.unit === unit)) continue;
    out.push({ unit, parent: out.at(-1)?.unit ?? null, own: unit === grid.id, cityId: grid.cityId, countyId, townshipId });
  }
  return out;
}

const beijingDay = (ms: number): number => {
  const day = Math.floor((ms + BEIJING_MS) / DAY_MS);
  if (day < 0 || day >= DAYS) throw new RangeError(`rollup day out of range: ${new Date(ms).toISOString()}`);
  return day;
};
const isoDays = new Map<number, string>();
const isoDay = (day: number): string => {
  let text = isoDays.get(day);
  if (text === undefined) isoDays.set(day, (text = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return text;
};

function add(map: Map<number, number>, key: number, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** One unit's counts in one table: by the rest of the key, each count column its own map. */
interface UnitCounts {
  unit: PathUnit;
  counts: Array<Map<number, number>>;
}

/** The count maps of one grid (keys below 2^30, so V8 keeps them small integers). */
interface GridCounts {
  totals: Map<number, number>;
  closed: Map<number, number>;
  dated: Map<number, number>;
  due: Map<number, number>;
  days: Map<number, number>;
}

export class RollupCounter {
  private grids = new Map<number, GridCounts>();
  private readonly paths = new Map<number, PathUnit[]>();
  private summed: [UnitCounts[], UnitCounts[], UnitCounts[]] | null = null;

  constructor(private readonly gridsById: readonly GridNode[]) {}

  /** Starts a pass over the cases (a second pass counts afresh). */
  reset(): void {
    this.grids = new Map();
    this.summed = null;
  }

  add(gridId: number, status: CaseStatusName, categoryId: number, reportedMs: number, dueMs: number | null, closedMs: number | null): void {
    if (gridId >= UNITS || categoryId >= 256) throw new RangeError(`rollup key out of range: grid ${gridId}, category ${categoryId}`);
    let g = this.grids.get(gridId);
    if (!g) this.grids.set(gridId, (g = { totals: new Map(), closed: new Map(), dated: new Map(), due: new Map(), days: new Map() }));
    const base = STATUSES.indexOf(status) * 256 + categoryId;
    add(g.totals, base, 1);
    if (closedMs !== null) add(g.closed, base, 1);
    if (dueMs !== null) {
      add(g.dated, base, 1);
      add(g.due, base * DAYS + beijingDay(dueMs), 1);
    }
    // Kind in the last bit, C (closed) before R (reported) as the key sorts them.
    add(g.days, (base * DAYS + beijingDay(reportedMs)) * 2 + 1, 1);
    if (closedMs !== null) add(g.days, (base * DAYS + beijingDay(closedMs)) * 2, 1);
  }

  /** The pass ended: the counts are summed per unit (their row counts known) and the grid-level maps let go. */
  finish(): void {
    this.summed = [this.sum((g) => [g.totals, g.closed, g.dated]), this.sum((g) => [g.due]), this.sum((g) => [g.days])];
    this.grids = new Map();
  }

  /** case_rollup, case_rollup_due and case_rollup_day; `fill` makes a pass over the cases first when none has ended. */
  tables(fill: () => void): TableData[] {
    const scope = ['parent_id', 'city_id', 'county_id', 'township_id', 'grid_id'];
    const status = (code: number): CaseStatusName => STATUSES[Math.floor(code / 256)];
    const summed = (i: number): UnitCounts[] => {
      if (!this.summed) fill();
      if (!this.summed) throw new Error('the case pass did not count the rollups');
      return this.summed[i];
    };
    const table = (i: number, name: string, key: string[], counts: string[], cells: (rest: number) => Cell[]): TableData => ({
      table: name,
      columns: ['unit_id', 'own', ...key, ...scope, ...counts],
      get count() {
        return summed(i).reduce((n, u) => n + u.counts[0].size, 0);
      },
      rows: () => rows(summed(i), cells),
    });
    return [
      table(0, 'case_rollup', ['status', 'category_id'], ['cases', 'closed', 'dated'], (r) => [status(r), r % 256]),
      table(1, 'case_rollup_due', ['status', 'category_id', 'due_day'], ['cases'], (r) => [status(Math.floor(r / DAYS)), Math.floor(r / DAYS) % 256, isoDay(r % DAYS)]),
      table(2, 'case_rollup_day', ['status', 'category_id', 'day', 'kind'], ['cases'], (r) => {
        const d = Math.floor(r / 2);
        return [status(Math.floor(d / DAYS)), Math.floor(d / DAYS) % 256, isoDay(d % DAYS), r % 2 ? 'R' : 'C'];
      }),
    ];
  }

  private pathOf(gridId: number): PathUnit[] {
    let path = this.paths.get(gridId);
    if (!path) this.paths.set(gridId, (path = rollupPath(this.gridsById[gridId])));
    return path;
  }

  /** The grid-level counts summed per unit of the paths (a unit is keyed with its own flag, as in the table's key). */
  private sum(mapsOf: (g: GridCounts) => Array<Map<number, number>>): UnitCounts[] {
    const units = new Map<number, UnitCounts>();
    const gridIds = [...this.grids.keys()].sort((a, b) => a - b);
    for (const gridId of gridIds) {
      const maps = mapsOf(this.grids.get(gridId)!);
      for (const unit of this.pathOf(gridId)) {
        const id = unit.unit * 2 + (unit.own ? 1 : 0);
        let u = units.get(id);
        if (!u) units.set(id, (u = { unit, counts: maps.map(() => new Map()) }));
        const [first, ...more] = maps;
        for (const [rest, n] of first) {
          add(u.counts[0], rest, n);
          more.forEach((m, i) => add(u.counts[i + 1], rest, m.get(rest) ?? 0));
        }
      }
    }
    // In the primary key's order (unit, own, then the rest of the key): the COPY then appends
    // to its index instead of inserting all over it.
    return [...units.entries()].sort(([a], [b]) => a - b).map(([, u]) => u);
  }
}

function* rows(units: readonly UnitCounts[], cells: (rest: number) => Cell[]): Generator<Cell[]> {
  for (const { unit: u, counts } of units) {
    const [first, ...more] = counts;
    for (const rest of Float64Array.from(first.keys()).sort()) {
      yield [u.unit, u.own, ...cells(rest), u.parent, u.cityId, u.countyId, u.townshipId, u.unit, first.get(rest)!, ...more.map((m) => m.get(rest)!)];
    }
  }
}
