import { buildDataset } from '../generator/dataset';
import { demoPasswordHash } from '../generator/demo-password';
import { DEFAULT_SEED, PROFILES, type ProfileName } from '../generator/profiles';
import { type Db, copyTable, quoteIdent } from './copy';
import { advanceSequences, nonEmptyTables } from './database-state';
import { ensureEventPartitions } from './event-partitions';
import { rebuildRollups, suspendRollups } from './rollups';
import { dropSecondaryIndexes, recreateIndexes } from './secondary-indexes';

export interface LoadProgress {
  table: string;
  /** Rows of this table written so far. */
  rows: number;
  total: number;
}

export interface LoadOptions {
  seed?: number;
  /**
   * The Beijing day (yyyy-mm-dd) the data is laid out before: open cases due in the days after
   * it, overdue ones, its month's patrol plans, a year of history. Callers pass today from their
   * clock; tests and benchmarks pin it.
   */
  anchor: string;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Skip foreign-key triggers while copying (session_replication_role = replica). The rows are
   * consistent by construction; it needs a superuser and is silently skipped otherwise.
   * Default: on for the city and province profiles, off for hefei.
   */
  skipForeignKeyChecks?: boolean;
  /**
   * Drop the non-constraint indexes of the big tables before COPY and rebuild them after.
   * Default: on for the city and province profiles, off for hefei.
   */
  rebuildIndexes?: boolean;
}

// Tables big enough in the scale profiles for index rebuilding to pay off.
const BULK_TABLES = new Set(['pollution_source', 'pollution_source_change', 'case', 'case_event', 'inspection']);

export interface LoadResult {
  profile: ProfileName;
  seed: number;
  anchor: string;
  /** Rows written per table. */
  rows: Record<string, number>;
  elapsedMs: number;
  foreignKeyChecksSkipped: boolean;
}

/**
 * Loads a profile into an already migrated, empty database in one transaction: every table
 * through COPY with explicit ids, then each sequence moved past its largest id and the case
 * rollups recomputed.
 */
export async function loadProfile(client: Db, profile: ProfileName, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const spec = PROFILES[profile];
  if (!spec) throw new Error(`unknown profile ${String(profile)}`);
  const filled = await nonEmptyTables(client);
  if (filled.length) throw new Error(`the database is not empty (rows in ${filled.join(', ')})`);

  const tables = buildDataset({ spec, seed, anchor: options.anchor, passwordHash: await demoPasswordHash(seed) });
  const rows: Record<string, number> = {};
  let skipped = false;
  await client.query('begin');
  try {
    const scale = profile !== 'hefei';
    if (options.skipForeignKeyChecks ?? scale) skipped = await trySkipForeignKeys(client);
    const rebuild = options.rebuildIndexes ?? scale;
    if (rebuild) await client.query(`set local maintenance_work_mem = '256MB'`);
    await suspendRollups(client);
    await ensureEventPartitions(client, options.anchor);
    for (const data of tables) {
      const report = (n: number): void => options.onProgress?.({ table: data.table, rows: n, total: data.count });
      const dropped = rebuild && BULK_TABLES.has(data.table) ? await dropSecondaryIndexes(client, data.table) : [];
      rows[data.table] = await copyTable(client, data, report);
      await recreateIndexes(client, dropped);
    }
    await advanceSequences(client);
    // Whatever COPY skipped, the case rollups end equal to the cases loaded.
    await rebuildRollups(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  // Fresh statistics, so the first queries after a big load get sensible plans.
  for (const data of tables) await client.query(`analyze ${quoteIdent(data.table)}`);
  return { profile, seed, anchor: options.anchor, rows, elapsedMs: Math.round(performance.now() - started), foreignKeyChecksSkipped: skipped };
}

async function trySkipForeignKeys(client: Db): Promise<boolean> {
  await client.query('savepoint seed_fk');
  try {
    await client.query('set local session_replication_role = replica');
    await client.query('release savepoint seed_fk');
    return true;
  } catch {
    await client.query('rollback to savepoint seed_fk');
    return false;
  }
}
