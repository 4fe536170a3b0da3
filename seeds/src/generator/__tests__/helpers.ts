import { createHash } from 'node:crypto';
import { copyChunks } from '../copy-text';
import { buildDataset } from '../dataset';
import type { ProfileSpec } from '../profiles';
import type { Cell, TableData } from '../table';
import { REFERENCE_ANCHOR } from '../timeline';

export const TEST_HASH = '$argon2id$v=19$m=19456,t=2,p=1$test';

/** A profile's tables; the anchor is pinned unless a test moves it. */
export function dataset(spec: ProfileSpec, seed: number, anchor = REFERENCE_ANCHOR): Map<string, TableData> {
  return new Map(buildDataset({ spec, seed, anchor, passwordHash: TEST_HASH }).map((t) => [t.table, t]));
}

/** SHA-256 of each table's COPY text. */
export function digests(tables: Map<string, TableData>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, t] of tables) {
    const hash = createHash('sha256');
    for (const chunk of copyChunks(t.rows())) hash.update(chunk);
    out[name] = hash.digest('hex');
  }
  return out;
}

/** Rows as objects keyed by column name. */
export function records(t: TableData | undefined): Array<Record<string, Cell>> {
  if (!t) throw new Error('no such table');
  const out: Array<Record<string, Cell>> = [];
  for (const row of t.rows()) out.push(Object.fromEntries(t.columns.map((c, i) => [c, row[i]])));
  return out;
}
