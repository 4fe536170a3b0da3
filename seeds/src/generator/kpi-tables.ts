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
  let summed: Map<string, number> | null = null;
  const perUnit = (): Map<string, number> => {
    if (summed) return summed;
    const byGrid = new Map<string, { grid: ReportedCase['grid']; month: string; n: number }>();
    const months = new Map<number, string>();
    for (const c of cases()) {
      const key = `${c.grid.id}|${monthOf(months, c.reportedAtMs)}`;
      const entry = byGrid.get(key);
      if (entry) entry.n++;
      else byGrid.set(key, { grid: c.grid, month: monthOf(months, c.reportedAtMs), n: 1 });
    }
    summed = new Map();
    for (const { grid, month, n } of byGrid.values()) {
      for (const u of rollupPath(grid)) {
        const key = JSON.stringify([u.unit, u.own, month, u.parent, u.cityId, u.countyId, u.townshipId]);
        summed.set(key, (summed.get(key) ?? 0) + n);
      }
    }
    return summed;
  };
  const perUnitTable: TableData = {
    table: 'case_kpi_rollup',
    columns: ['unit_id', 'own', 'from_month', 'until_month', 'in_month', 'parent_id', ...SCOPE, ...MEASURES, 'county_key'],
    get count() {
      return perUnit().size;
    },
    *rows() {
      for (const [key, n] of perUnit()) {
        const [unit, own, month, parent, cityId, countyId, townshipId] = JSON.parse(key) as [number, boolean, string, number | null, number, number | null, number | null];
        yield [unit, own, month, 'infinity', month, parent, cityId, countyId, townshipId, unit, n, n, countyId ?? cityId];
      }
    },
  };
  return [perCase, perUnitTable];
}
