import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';
import { i18nProvider } from '../i18n/i18nProvider';

/** [translation key of the header, value]. */
export type Column = [header: string, value: (record: RaRecord) => unknown];

function cell(value: unknown): string {
  if (value == null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(records: RaRecord[], columns: Column[]): string {
  const lines = [columns.map(([header]) => cell(i18nProvider.translate(header))).join(',')];
  for (const record of records) lines.push(columns.map(([, value]) => cell(value(record))).join(','));
  // A BOM so spreadsheet programs read the Chinese text as UTF-8.
  return `\ufeff${lines.join('\r\n')}`;
}

/**
 * Client-side CSV of the current list (react-admin fetches up to 1,000 rows under the current
 * filters through the same keyset pages). The API's streamed CSV/XLSX export comes with the
 * supervision issue and will replace this.
 */
export function csvExporter(filename: string, columns: Column[]): Exporter {
  return (records: RaRecord[]) => downloadCSV(toCsv(records, columns), filename);
}

export const nameOf = (value: unknown): string => (value && typeof value === 'object' && 'name' in value ? String((value as { name: unknown }).name) : '');
