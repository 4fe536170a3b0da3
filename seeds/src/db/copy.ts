import type { Client, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyChunks } from '../generator/copy-text';
import type { TableData } from '../generator/table';

export type Db = Client | PoolClient;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The table without one of its columns (a database migrated before the column existed: the
 * api's tests seed databases at older migrations). The same table when it has no such column.
 */
export function withoutColumn(data: TableData, column: string): TableData {
  const at = data.columns.indexOf(column);
  if (at < 0) return data;
  return {
    ...data,
    columns: data.columns.filter((_, i) => i !== at),
    *rows() {
      for (const row of data.rows()) yield row.filter((_, i) => i !== at);
    },
  };
}

/** Streams a table's rows through COPY FROM STDIN; memory stays at one chunk whatever the size. */
/** `freeze`: the rows are written frozen (the table was created or truncated in this transaction). */
export async function copyTable(client: Db, data: TableData, onRows?: (rows: number) => void, options: { freeze?: boolean } = {}): Promise<number> {
  const sql = `COPY ${quoteIdent(data.table)} (${data.columns.map(quoteIdent).join(', ')}) FROM STDIN${options.freeze ? ' WITH (FREEZE)' : ''}`;
  const stream = client.query(copyFrom(sql));
  await pipeline(Readable.from(copyChunks(data.rows(), onRows)), stream);
  if (stream.rowCount !== data.count) {
    throw new Error(`${data.table}: copied ${stream.rowCount} rows, expected ${data.count}`);
  }
  return stream.rowCount;
}
