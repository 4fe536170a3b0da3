import type { ReportedCase } from './case-log';
import { rollupPath } from './rollups';
import { type TableData, countyKey } from './table';

/**
 * The api's KPI rollups (Migration20261210030000_case_kpi_rollup) of cases that are only
 * reported: their one REPORT event makes one row per case, counted from the month of the report
 * until further notice (until_month infinity) in that same month, with `reported` and
 * `valid_reports` 1 and every other measure 0. The SQL rebuild (gw_case_kpi_rebuild) walked the
 * 5M events of the province through window functions for these rows; the load copies them and
 * a test compares them with the rebuild. Cases with life cycles (the demo) still take the rebuild.
 */
const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MEASURES = ['reported', 'valid_reports'] as const;
const SCOPE = ['city_id', 'county_id', 'township_id', 'grid_id'] as const;
// Months of reports a key can tell apart (the seeded span is about a year).
const MONTHS = 4096;

/** gw_beijing_month: the first day of the Beijing month of an instant, cached per day. */
function monthOf(cache: Map<number, string>, ms: number): string {
  const day = Math.floor((ms + BEIJING_MS) / DAY_MS);
  let month = cache.get(day);
  if (month === undefined) cache.set(day, (month = `${new Date(day * DAY_MS).toISOString().slice(0, 7)}-01`));
  return month;
}

export function kpiTables(count: number, cases: () => Iterable<ReportedCase>): TableData[] {
  const perCase: TableData = {
    table: 'case_kpi_case',
    columns: ['case_id', 'from_month', 'until_month', 'in_month', ...SCOPE, ...MEASURES, 'county_key'],
    count,
    *rows() {
      const months = new Map<number, string>();
      for (const c of cases()) {
        const m = monthOf(months, c.reportedAtMs);
        const g = c.grid;
        yield [c.id, m, 'infinity', m, g.cityId, g.countyId, g.townshipId, g.id, 1, 1, countyKey(g)];
      }
    },
  };
  // Reports per grid and month, summed over each unit of the grid's path (the rollup's key).
  // Numeric keys (grid or unit × month index, own in the last bit): 5M string keys took 8 s.
  let summed: { months: string[]; units: Map<number, ReturnType<typeof rollupPath>[number]>; counts: Map<number, number> } | null = null;
  const perUnit = (): NonNullable<typeof summed> => {
    if (summed) return summed;
    const months: string[] = [];
    const monthIndex = new Map<string, number>();
    const byDay = new Map<number, string>();
    const grids = new Map<number, ReportedCase['grid']>();
    const byGrid = new Map<number, number>();
    for (const c of cases()) {
      const month = monthOf(byDay, c.reportedAtMs);
      let m = monthIndex.get(month);
      if (m === undefined) monthIndex.set(month, (m = months.push(month) - 1));
      grids.set(c.grid.id, c.grid);
      const key = c.grid.id * MONTHS + m;
      byGrid.set(key, (byGrid.get(key) ?? 0) + 1);
    }
    const units = new Map<number, ReturnType<typeof rollupPath>[number]>();
    const counts = new Map<number, number>();
    for (const [key, n] of byGrid) {
      for (const u of rollupPath(grids.get(Math.floor(key / MONTHS))!)) {
        const unitKey = u.unit * 2 + (u.own ? 1 : 0);
        units.set(unitKey, u);
        const k = unitKey * MONTHS + (key % MONTHS);
        counts.set(k, (counts.get(k) ?? 0) + n);
      }
    }
    return (summed = { months, units, counts });
  };
  const perUnitTable: TableData = {
    table: 'case_kpi_rollup',
    columns: ['unit_id', 'own', 'from_month', 'until_month', 'in_month', 'parent_id', ...SCOPE, ...MEASURES, 'county_key'],
    get count() {
      return perUnit().counts.size;
    },
    *rows() {
      const { months, units, counts } = perUnit();
      for (const [key, n] of counts) {
        const u = units.get(Math.floor(key / MONTHS))!;
        const month = months[key % MONTHS];
        yield [u.unit, u.own, month, 'infinity', month, u.parent, u.cityId, u.countyId, u.townshipId, u.unit, n, n, u.countyId ?? u.cityId];
      }
    },
  };
  return [perCase, perUnitTable];
}
