import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { beijingDay } from '@gridwatch/domain';
import { CASE_STATUS } from '../export/enum-labels';
import type { LateCaseNotice, LateCaseNoticeRow } from './supervision.types';

/** Noto Sans SC's simplified-Chinese subset (it carries Latin and digits too), from npm: no system font is needed. */
const FONT = require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff');

const MARGIN = 40;
/** Column titles and widths (points) of the A4 landscape table. */
const COLUMNS: [title: string, width: number][] = [
  ['序号', 36],
  ['办理单位', 130],
  ['案件编号', 170],
  ['超时环节', 80],
  ['时限', 90],
  ['超时天数', 60],
  ['牵头部门', 195],
];

const beijingTime = (at: Date): string => `${beijingDay(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

function cells(row: LateCaseNoticeRow, index: number): string[] {
  return [
    String(index + 1),
    row.unitName ?? '—',
    row.caseNumber,
    row.step ? CASE_STATUS.zh[row.step] : '—',
    beijingTime(row.dueAt),
    `${row.daysLate}${row.stillOpen ? ' (未办)' : ''}`,
    row.leadDepartment ?? '—',
  ];
}

/**
 * The 通报 as a PDF (A4 landscape): title, scope and period, then one table row per missed
 * deadline, grouped by handling unit as the query orders them, with a count per unit.
 */
export function writeLateCaseNoticePdf(out: Writable, notice: LateCaseNotice): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `超时案件通报 ${notice.unitName}` } });
  doc.registerFont('cjk', FONT);
  doc.font('cjk');
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  const last = beijingDay(new Date(notice.to.getTime() - 1));
  doc.fontSize(18).text('超时案件通报', { align: 'center' });
  doc.moveDown(0.5).fontSize(11).text(`${notice.unitName}    期间 ${beijingDay(notice.from)} 至 ${last}    共 ${notice.rows.length} 件次    生成于 ${beijingTime(notice.generatedAt)}`, { align: 'center' });
  doc.moveDown(1);

  const line = (values: string[], size: number) => {
    const heights = values.map((v, i) => doc.fontSize(size).heightOfString(v, { width: COLUMNS[i][1] - 6 }));
    const height = Math.max(...heights) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    values.forEach((v, i) => {
      doc.fontSize(size).text(v, x + 3, top + 3, { width: COLUMNS[i][1] - 6 });
      x += COLUMNS[i][1];
    });
    doc.moveTo(MARGIN, top + height).lineTo(x, top + height).lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  line(COLUMNS.map(([title]) => title), 10);
  if (!notice.rows.length) doc.moveDown(1).fontSize(11).text('本期间无超时案件。', MARGIN);
  notice.rows.forEach((row, i) => line(cells(row, i), 9));

  const perUnit = new Map<string, number>();
  for (const row of notice.rows) perUnit.set(row.unitName ?? '—', (perUnit.get(row.unitName ?? '—') ?? 0) + 1);
  if (perUnit.size) {
    doc.moveDown(1).fontSize(11).text('按办理单位汇总', MARGIN);
    for (const [unit, n] of perUnit) doc.fontSize(10).text(`${unit}: ${n} 件次`, MARGIN);
  }
  doc.end();
  return done;
}
