import type { TableData } from '../generator/table';
import { type Db, copyTable } from './copy';
import { freezable, truncateForBulkLoad } from './fresh-tables';
import { dropSecondaryIndexes, recreateIndexes } from './secondary-indexes';

/**
 * Tables copied on a second connection, in a transaction of its own, while the first goes on
 * (load-profile.ts, `connect`). Only tables that no other table refers to and that refer to
 * none qualify: the other transaction's uncommitted rows are invisible here, and truncating
 * them here must not need the other's tables. The transaction stays open until the first is
 * ready to commit: commit() then makes both visible one right after the other.
 */
export class SideLoad {
  private chain: Promise<void> = Promise.resolve();
  private failed: unknown = null;
  private begun = false;
  readonly tables: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly options: { rebuild: boolean; onDone: (table: string, rows: number, ms: number) => void },
  ) {}

  /** Queues a table; it is copied after the ones queued before it. */
  add(data: TableData, onRows?: (rows: number) => void): void {
    this.tables.push(data.table);
    this.chain = this.chain.then(async () => {
      if (this.failed) return;
      try {
        const started = performance.now();
        if (!this.begun) await this.begin();
        // New files (no WAL at wal_level=minimal, rows frozen), as on the first connection.
        const fresh = this.options.rebuild ? await truncateForBulkLoad(this.db, [data.table]) : new Set<string>();
        const dropped = this.options.rebuild ? await dropSecondaryIndexes(this.db, data.table) : [];
        const freeze = fresh.has(data.table) && (await freezable(this.db, data.table));
        const rows = await copyTable(this.db, data, onRows, { freeze });
        await recreateIndexes(this.db, dropped);
        this.options.onDone(data.table, rows, Math.round(performance.now() - started));
      } catch (error) {
        this.failed = error;
      }
    });
  }

  private async begin(): Promise<void> {
    await this.db.query('begin');
    this.begun = true;
    if (this.options.rebuild) await this.db.query(`set local maintenance_work_mem = '256MB'`);
  }

  /** Waits for the queued copies; throws the first failure. */
  async finish(): Promise<void> {
    await this.chain;
    if (this.failed) throw this.failed;
  }

  async commit(): Promise<void> {
    await this.finish();
    if (this.begun) await this.db.query('commit');
    this.begun = false;
  }

  /** Rolls back what is not committed; after a commit, empties the tables again (the other transaction failed). */
  async abandon(committed: boolean): Promise<void> {
    await this.chain;
    if (this.begun) await this.db.query('rollback').catch(() => undefined);
    else if (committed && this.tables.length) await this.db.query(`truncate ${this.tables.map((t) => `"${t}"`).join(', ')}`).catch(() => undefined);
    this.begun = false;
  }
}
