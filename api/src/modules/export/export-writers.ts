import { stringify } from 'csv-stringify';
import { REFUSED_ANYWHERE } from '../../common/text-rules';
import type ExcelJS from 'exceljs';

// exceljs takes about 0.2 s to load: only the first XLSX pays for it.
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { YES_NO, type Lang } from './enum-labels';
import type { CellValue, ColumnInfo, ColumnType } from './export-list';

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** China has no daylight saving time: Shanghai wall time is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const shanghai = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-28 18:05:00`, Beijing time. */
export function shanghaiDateTime(at: Date): string {
  return shanghai.format(at);
}

/** A cell as text: what a CSV holds and what an XLSX shows for non-numeric columns. */
export function cellText(value: CellValue, type: ColumnType, lang: Lang): string {
  if (value == null) return '';
  if (value instanceof Date) return shanghaiDateTime(value);
  if (typeof value === 'boolean') return YES_NO[lang][value ? 'true' : 'false'];
  if (typeof type === 'object') return type[lang][String(value)] ?? String(value);
  // Text stored before the input rules may still hold controls or bidirectional overrides.
  return typeof value === 'string' ? value.replace(REFUSED_ANYWHERE, '') : String(value);
}

export function headerOf(column: ColumnInfo, lang: Lang): string {
  return lang === 'en' ? column.en : column.zh;
}

/**
 * A spreadsheet opening a CSV runs a cell that begins with `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one) as a formula: text written by users (a source's name, a case's
 * description) is quoted with a leading apostrophe, as OWASP advises. Numbers stay numbers.
 * (An XLSX cell written as text is never a formula.)
 */
function csvCell(value: CellValue, type: ColumnType, lang: Lang): string {
  const text = cellText(value, type, lang);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV with a UTF-8 BOM (Excel then reads the Chinese correctly); the stream waits for the client. */
export async function writeCsv(out: Writable, columns: ColumnInfo[], lang: Lang, batches: AsyncIterable<CellValue[][]>): Promise<void> {
  async function* records(): AsyncGenerator<string[]> {
    yield columns.map((column) => headerOf(column, lang));
    for await (const batch of batches) {
      for (const row of batch) yield row.map((value, i) => csvCell(value, columns[i].type, lang));
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true }), out);
}

function xlsxCell(value: CellValue, type: ColumnType, lang: Lang): ExcelJS.CellValue {
  if (value == null) return null;
  // Excel dates carry no zone: store the Shanghai wall time.
  if (value instanceof Date) return new Date(value.getTime() + SHANGHAI_OFFSET_MS);
  if (type === 'number' && typeof value === 'number') return value;
  return cellText(value, type, lang);
}

/** XLSX through exceljs's streaming writer: each row is committed (written out) as soon as it is added. */
export async function writeXlsx(out: Writable, title: string, columns: ColumnInfo[], lang: Lang, batches: AsyncIterable<CellValue[][]>): Promise<void> {
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    width: column.type === 'datetime' ? 20 : Math.max(10, headerOf(column, lang).length * 2 + 2),
    style: column.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
  }));
  const header = sheet.addRow(columns.map((column) => headerOf(column, lang)));
  header.font = { bold: true };
  header.commit();
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(row.map((value, i) => xlsxCell(value, columns[i].type, lang))).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
