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

/**
 * Rows batched into chunks of about `chunkBytes` bytes of UTF-8 COPY text. Each line is
 * written into the chunk's buffer as it is made: concatenating a chunk as one string and
 * encoding it afterwards cost a fifth of the loader's CPU (flattening the rope, then UTF-8).
 */
export function* copyChunks(rows: Iterable<Cell[]>, onRows?: (rows: number) => void, chunkBytes = 1 << 20): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let at = 0;
  let n = 0;
  for (const row of rows) {
    const line = copyLine(row);
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const room = line.length * 3;
    if (at + room > buffer.length) {
      if (at > 0) {
        yield buffer.subarray(0, at);
        onRows?.(n);
      }
      buffer = Buffer.allocUnsafe(Math.max(chunkBytes, room));
      at = 0;
    }
    at += buffer.write(line, at, 'utf8');
    n++;
  }
  if (at > 0) yield buffer.subarray(0, at);
  onRows?.(n);
}
