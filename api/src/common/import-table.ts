import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

// exceljs takes about 0.2 s to load: only the first XLSX pays for it.
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
import { BadInputError } from './errors';

/** A table read from an uploaded file: the header row and each data row with its line in the file. */
export interface ImportTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Excel on a Chinese Windows saves "CSV" in GB18030, not UTF-8: a file that is not valid
 * UTF-8 is read as GB18030 (a superset of GBK and GB2312).
 */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(bytes: Buffer): ImportTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with its line.
    records = parse(decodeText(bytes), { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new BadInputError(`The CSV cannot be read: ${(error as Error).message}`, [{ field: 'file', message: 'malformed CSV' }]);
  }
  const [header, ...rest] = records;
  return { headers: header?.record ?? [], rows: rest.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

/** What a cell shows, as text: numbers as written, rich text and hyperlinks flattened, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

async function readXlsx(bytes: Buffer): Promise<ImportTable> {
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new BadInputError(`The XLSX cannot be read: ${(error as Error).message}`, [{ field: 'file', message: 'malformed XLSX' }]);
  }
  const sheet = workbook.worksheets[0];
  const table: ImportTable = { headers: [], rows: [] };
  sheet?.eachRow((row, line) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (line === 1) table.headers = cells;
    else if (cells.some((cell) => cell.trim() !== '')) table.rows.push({ line, cells });
  });
  return table;
}

/** The first sheet of an XLSX, or a CSV (UTF-8 with or without BOM, or GB18030). */
export async function readImportTable(bytes: Buffer): Promise<ImportTable> {
  if (bytes.subarray(0, 4).equals(OLE)) {
    throw new BadInputError('Old .xls files are not supported: save as .xlsx or .csv', [{ field: 'file', message: 'xls' }]);
  }
  return bytes.subarray(0, 4).equals(ZIP) ? readXlsx(bytes) : readCsv(bytes);
}
