import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/** Reads a headed UTF-8 CSV into records keyed by column name. */
export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

/** One RFC 4180 line: fields quoted only when they contain a comma, quote or line break. */
export function csvLine(fields: ReadonlyArray<string | number | boolean | null>): string {
  return fields
    .map((field) => {
      const text = field == null ? '' : String(field);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** Checks a file's header so a wrong or reordered file fails loudly rather than loading garbage. */
export function requireColumns(file: string, rows: Record<string, string>[], columns: readonly string[]): void {
  const first = rows[0];
  const missing = first ? columns.filter((c) => !(c in first)) : [...columns];
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
}
