import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { GraphQLClient, TestApp } from '../../../test/test-app';

/** GET an export as a signed-in client (its session cookie) or anonymously. */
export async function download(app: TestApp, client: GraphQLClient | null, path: string): Promise<Response> {
  return fetch(`${app.url}${path}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
}

export async function csvOf(response: Response): Promise<{ bom: boolean; rows: Record<string, string>[] }> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  return { bom, rows: parse(bytes, { bom: true, columns: true }) as Record<string, string>[] };
}

export async function xlsxOf(response: Response): Promise<ExcelJS.CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: ExcelJS.CellValue[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** `?filter=` for a list query's filter object. */
export const filterParam = (filter: object): string => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
