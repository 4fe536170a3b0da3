import { subject } from '@casl/ability';
import { GridLevel } from '../../common/enums';
import { BadInputError } from '../../common/errors';
import { assertCan, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CASE_ORIGIN, CASE_STATUS } from '../export/enum-labels';
import { Grid } from '../grid/grid.entity';
import { parseMonth } from '../../common/month';
import { reportBreakdown, reportSummary, type BreakdownDimension, type BreakdownRow, type ReportScope, type SummaryRow } from './report.sql';
import { REPORT_DEFINITION, type MonthlyReport, type MonthlyReportRow, type ReportCount } from './report.types';

const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((10_000 * part) / whole) / 100 : null);

const ZERO: Omit<SummaryRow, 'county_id'> = {
  reported: 0, due: 0, closed: 0, closed_on_time: 0, patrols_required: 0, patrols_done: 0, inspections: 0, inspections_problem: 0,
  sources_inspected: 0, key_sources: 0, key_sources_inspected: 0, spot_checks: 0, spot_checks_compliant: 0, spot_checks_problem: 0,
};

function sum(rows: SummaryRow[]): Omit<SummaryRow, 'county_id'> {
  const total = { ...ZERO };
  for (const row of rows) for (const key of Object.keys(ZERO) as (keyof typeof ZERO)[]) total[key] += Number(row[key]);
  return total;
}

function label(dimension: BreakdownDimension, row: BreakdownRow): string {
  if (dimension === 'ORIGIN') return CASE_ORIGIN.zh[row.key as keyof typeof CASE_ORIGIN.zh] ?? row.key;
  if (dimension === 'STATUS') return CASE_STATUS.zh[row.key as keyof typeof CASE_STATUS.zh] ?? row.key;
  return row.label ?? row.key;
}

/** One dimension's counts over the given rows, keys merged (the total adds the counties up). */
function counts(rows: BreakdownRow[], dimension: BreakdownDimension): ReportCount[] {
  const byKey = new Map<string, ReportCount>();
  for (const row of rows.filter((r) => r.dimension === dimension)) {
    const entry = byKey.get(row.key) ?? { key: row.key, label: label(dimension, row), count: 0 };
    entry.count += Number(row.count);
    byKey.set(row.key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function toRow(unitId: number, unitName: string, total: boolean, s: Omit<SummaryRow, 'county_id'>, breakdown: BreakdownRow[]): MonthlyReportRow {
  return {
    unitId,
    unitName,
    total,
    reported: s.reported,
    byCategory: counts(breakdown, 'CATEGORY'),
    byOrigin: counts(breakdown, 'ORIGIN'),
    byStatus: counts(breakdown, 'STATUS'),
    due: s.due,
    closed: s.closed,
    closedOnTime: s.closed_on_time,
    onTimeRate: rate(s.closed_on_time, s.due),
    patrolsRequired: s.patrols_required,
    patrolsDone: s.patrols_done,
    patrolRate: rate(s.patrols_done, s.patrols_required),
    inspections: s.inspections,
    inspectionsProblem: s.inspections_problem,
    sourcesInspected: s.sources_inspected,
    keySources: s.key_sources,
    keySourcesInspected: s.key_sources_inspected,
    keySourceCoverage: rate(s.key_sources_inspected, s.key_sources),
    spotChecks: s.spot_checks,
    spotChecksCompliant: s.spot_checks_compliant,
    spotChecksProblem: s.spot_checks_problem,
  };
}

export const reportService = {
  /**
   * The month's report of a city or a county (the caller's own unit unless named): the unit is
   * read through the scoped ORM and checked against the report rules (a county asking for the
   * city is FORBIDDEN); the figures are counted in SQL bounded by the unit, under row-level
   * security. A city's report has the total and one row per county.
   */
  async monthly(ctx: RequestContext, month: string, unitId?: string | null): Promise<MonthlyReport> {
    const range = parseMonth(month);
    const unit = unitId ? await findVisible(ctx, Grid, unitId) : await findVisibleById(ctx, Grid, ctx.principal?.unitId ?? 0);
    if (unit.level !== GridLevel.CITY && unit.level !== GridLevel.COUNTY) {
      throw new BadInputError('A monthly report is made for a city or a county', [{ field: 'unitId', message: 'not a city or county' }]);
    }
    assertCan(ctx, 'read', subject('MonthlyReport', { ...unit.scope, unitId: unit.id }));
    const now = ctx.clock.now();
    if (range.start >= now) throw new BadInputError('The month has not begun', [{ field: 'month', message: 'in the future' }]);

    const scope: ReportScope = { from: range.start, to: range.end, unitId: unit.id, column: unit.level === GridLevel.CITY ? 'city_id' : 'county_id' };
    const summary = await reportSummary(ctx.em, scope);
    const breakdown = await reportBreakdown(ctx.em, scope);
    const rows = [toRow(unit.id, unit.name, true, sum(summary), breakdown)];
    if (unit.level === GridLevel.CITY) {
      const counties = await ctx.em.find(Grid, { cityId: unit.id, level: GridLevel.COUNTY }, { orderBy: { code: 'asc' } });
      for (const county of counties) {
        rows.push(toRow(county.id, county.name, false, sum(summary.filter((r) => r.county_id === county.id)), breakdown.filter((r) => r.county_id === county.id)));
      }
    }
    return { month: range.label, unit, complete: range.end <= now, generatedAt: now, definition: REPORT_DEFINITION, rows };
  },
};
