import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { MonthlyReport, MonthlyReportRow } from './report.types';

// exceljs takes about 0.2 s to load: only the first XLSX pays for it.
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;

/** The summary sheet's columns: header and value, in the printed page's order. */
export const SUMMARY_COLUMNS: [string, (row: MonthlyReportRow) => string | number | null][] = [
  ['单位', (r) => r.unitName],
  ['新报案件', (r) => r.reported],
  ['应结案', (r) => r.due],
  ['已结案', (r) => r.closed],
  ['按期结案', (r) => r.closedOnTime],
  ['按期结案率%', (r) => r.onTimeRate],
  ['应巡查', (r) => r.patrolsRequired],
  ['已巡查', (r) => r.patrolsDone],
  ['巡查完成率%', (r) => r.patrolRate],
  ['检查次数', (r) => r.inspections],
  ['检查发现问题', (r) => r.inspectionsProblem],
  ['检查污染源数', (r) => r.sourcesInspected],
  ['重点源数', (r) => r.keySources],
  ['已检查重点源', (r) => r.keySourcesInspected],
  ['重点源覆盖率%', (r) => r.keySourceCoverage],
  ['抽查数', (r) => r.spotChecks],
  ['抽查未发现问题', (r) => r.spotChecksCompliant],
  ['抽查发现问题', (r) => r.spotChecksProblem],
];

const DIMENSIONS: [string, (row: MonthlyReportRow) => MonthlyReportRow['byCategory']][] = [
  ['类别', (r) => r.byCategory],
  ['来源', (r) => r.byOrigin],
  ['月末状态', (r) => r.byStatus],
];

/**
 * The report as a workbook: 汇总 (one row per unit, the total first), 分组 (cases reported by
 * category, origin and status at the month's end, per unit) and 口径 (the definitions).
 * Every text cell is written as text, so none is a formula.
 */
export async function writeReportXlsx(out: Writable, report: MonthlyReport): Promise<void> {
  const workbook = new (excel().Workbook)();
  workbook.title = `${report.unit.name} ${report.month} 月度统计报表`;
  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = SUMMARY_COLUMNS.map(([header]) => ({ header, width: Math.max(10, header.length * 2 + 2) }));
  summary.getRow(1).font = { bold: true };
  for (const row of report.rows) summary.addRow(SUMMARY_COLUMNS.map(([, value]) => value(row)));

  const groups = workbook.addWorksheet('分组', { views: [{ state: 'frozen', ySplit: 1 }] });
  groups.columns = ['单位', '分组', '名称', '件数'].map((header) => ({ header, width: 16 }));
  groups.getRow(1).font = { bold: true };
  for (const row of report.rows) {
    for (const [dimension, of] of DIMENSIONS) for (const c of of(row)) groups.addRow([row.unitName, dimension, c.label, c.count]);
  }

  const definition = workbook.addWorksheet('口径');
  definition.columns = [{ width: 120 }];
  definition.addRow([`${report.unit.name} ${report.month} 月度统计报表${report.complete ? '' : ' (本月未结束, 截至生成时间)'}`]).font = { bold: true };
  for (const line of report.definition.split('\n')) definition.addRow([line]);
  await workbook.xlsx.write(out);
}
