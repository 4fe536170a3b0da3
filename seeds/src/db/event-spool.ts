import { createReadStream, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { from as copyFrom } from 'pg-copy-streams';
import type { CaseLogData } from '../generator/case-log';
import type { ProfileSpec } from '../generator/profiles';
import { type Db, quoteIdent } from './copy';

/** What the worker needs to rebuild the dataset and write the event table's COPY text. */
export interface EventSpoolRequest {
  dataset: { spec: ProfileSpec; seed: number; anchor: string; passwordHash: string };
  caseLog: CaseLogData;
  /** The loading transaction's id when the events are chained here (event-chain.ts), else null. */
  chainTx: string | null;
  /** Columns the database lacks (a database migrated before the shard key). */
  without: string[];
  file: string;
}

export interface SpooledTable {
  table: string;
  columns: string[];
  rows: number;
  file: string;
}

/**
 * The event table's rows written to a file by a worker thread, while the loading connection
 * builds the case indexes and copies the rollups: the 5M events of the province took their
 * generation's 104 s of the loader's one thread after those, with the server idle meanwhile.
 * The transaction is unchanged: the file is copied on the same connection when its turn comes.
 */
export class EventSpool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-events-'));
  private readonly done: Promise<SpooledTable>;
  private readonly worker: Worker;

  constructor(request: Omit<EventSpoolRequest, 'file'>) {
    const typescript = __filename.endsWith('.ts');
    const file = path.join(this.dir, 'case_event.copy');
    this.worker = new Worker(path.join(__dirname, `event-spool-worker${typescript ? '.ts' : '.js'}`), {
      workerData: { ...request, file } satisfies EventSpoolRequest,
      // Sources run through the same register as the caller's (the bench, jest); the build is plain JS.
      execArgv: typescript ? ['-r', require.resolve('@swc-node/register')] : [],
    });
    this.done = new Promise((resolve, reject) => {
      this.worker.once('message', (m: Omit<SpooledTable, 'file'>) => resolve({ ...m, file }));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`the event spool worker exited with ${code} before it finished`)));
    });
    // Awaited later; a failure surfaces there, not as an unhandled rejection now.
    this.done.catch(() => undefined);
  }

  /** COPYs the spooled rows once written (FREEZE as the caller decides); returns the rows copied. */
  async copy(client: Db, expected: number, options: { freeze?: boolean } = {}): Promise<number> {
    const spooled = await this.done;
    const sql = `COPY ${quoteIdent(spooled.table)} (${spooled.columns.map(quoteIdent).join(', ')}) FROM STDIN${options.freeze ? ' WITH (FREEZE)' : ''}`;
    const stream = client.query(copyFrom(sql));
    await pipeline(createReadStream(spooled.file, { highWaterMark: 1 << 20 }), stream);
    if (stream.rowCount !== expected || spooled.rows !== expected) {
      throw new Error(`${spooled.table}: copied ${stream.rowCount} rows (${spooled.rows} spooled), expected ${expected}`);
    }
    return stream.rowCount;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
