import type { Cell } from './table';

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One row in PostgreSQL's COPY text format (tab-separated, \N for NULL, backslash escapes). */
export function copyLine(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (i > 0) line += '\t';
    if (v === null) line += '\\N';
    else if (typeof v === 'boolean') line += v ? 't' : 'f';
    else if (typeof v === 'number') line += String(v);
    else line += NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
  }
  return line + '\n';
}

/** Rows batched into text chunks of about `chunkChars` characters. */
export function* copyChunks(rows: Iterable<Cell[]>, onRows?: (rows: number) => void, chunkChars = 1 << 18): Generator<string> {
  let buffer = '';
  let n = 0;
  for (const row of rows) {
    buffer += copyLine(row);
    n++;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
      onRows?.(n);
    }
  }
  if (buffer) yield buffer;
  onRows?.(n);
}
