import { buildDataset } from '../generator/dataset';
import { demoPasswordHash } from '../generator/demo-password';
import { DEFAULT_SEED, PROFILES, type ProfileName, type ProfileSpec } from '../generator/profiles';
import { type Db, copyTable, quoteIdent, withoutColumn } from './copy';
import { advanceSequences, nonEmptyTables } from './database-state';
import { chainedEvents, currentTransactionId, firstBrokenLink, setChainHeads } from './event-chain';
import { ensureEventPartitions } from './event-partitions';
import { freezable, truncateForBulkLoad } from './fresh-tables';
import { dropInsertTriggers, restoreTriggers } from './insert-triggers';
import { resumeRollups, suspendRollups } from './rollups';
import { dropSecondaryIndexes, recreateIndexes } from './secondary-indexes';

export interface LoadProgress {
  table: string;
  /** Rows of this table written so far. */
  rows: number;
  total: number;
}

/** One step of the load and how long it took (generation is interleaved with COPY: it counts there). */
export interface LoadPhase {
  phase: string;
  ms: number;
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
  /** Called as each phase ends (build, copy <table>, index <table>, verify chain, sequences, commit, analyze). */
  onPhase?: (phase: LoadPhase) => void;
  /**
   * Skip triggers while copying (session_replication_role = replica): the foreign-key checks
   * (the rows are consistent by construction) and the event chain's, which the load builds as it
   * generates the events and the database then verifies (event-chain.ts). It needs a superuser and is silently skipped otherwise.
   * Default: on for the city and province profiles, off for hefei.
   */
  skipForeignKeyChecks?: boolean;
  /** The profile's sizes instead of PROFILES[profile] (tests load a nation of one province). */
  spec?: ProfileSpec;
  /**
   * Drop the non-constraint indexes of the big tables before COPY and rebuild them after.
   * Default: on for the city and province profiles, off for hefei.
   */
  rebuildIndexes?: boolean;
}

// Tables big enough in the scale profiles for index rebuilding to pay off (the nation's grid
// and grid workers: 665,000 and 662,000 rows, the grid with a trigram index on its names).
const BULK_TABLES = new Set([
  'grid', 'grid_worker', 'grid_worker_grid', 'pollution_source', 'pollution_source_change', 'case', 'case_event', 'inspection', 'case_rollup_due', 'case_rollup_day',
  'case_kpi_case',
]);

export interface LoadResult {
  profile: ProfileName;
  seed: number;
  anchor: string;
  /** Rows written per table. */
  rows: Record<string, number>;
  elapsedMs: number;
  foreignKeyChecksSkipped: boolean;
  /** Milliseconds per phase, in order. */
  phases: LoadPhase[];
}

/**
 * Loads a profile into an already migrated, empty database in one transaction: every table
 * through COPY with explicit ids (the case rollups as the generator counted them, right after
 * the cases), then each sequence moved past its largest id.
 */
export async function loadProfile(client: Db, profile: ProfileName, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const spec = options.spec ?? PROFILES[profile];
  if (!spec) throw new Error(`unknown profile ${String(profile)}`);
  const filled = await nonEmptyTables(client);
  if (filled.length) throw new Error(`the database is not empty (rows in ${filled.join(', ')})`);

  const phases: LoadPhase[] = [];
  let mark = performance.now();
  const phase = (name: string): void => {
    const now = performance.now();
    const done = { phase: name, ms: Math.round(now - mark) };
    mark = now;
    phases.push(done);
    options.onPhase?.(done);
  };
  const tables = buildDataset({ spec, seed, anchor: options.anchor, passwordHash: await demoPasswordHash(seed) });
  phase('build');
  const rows: Record<string, number> = {};
  let skipped = false;
  let loaded = tables;
  await client.query('begin');
  try {
    const scale = profile !== 'hefei';
    if (options.skipForeignKeyChecks ?? scale) skipped = await trySkipForeignKeys(client);
    const rebuild = options.rebuildIndexes ?? scale;
    if (rebuild) await client.query(`set local maintenance_work_mem = '256MB'`);
    // The chain check and the rollup rebuild sort and group millions of rows: in memory, not
    // in 4 MB runs on disk (the default work_mem).
    if (scale) await client.query(`set local work_mem = '256MB'`);
    const rollups = await suspendRollups(client);
    await ensureEventPartitions(client, options.anchor);
    // The rollups ride on the case table: copied right after it (when the schema has them).
    const schema = await tableColumns(client);
    loaded = tables.flatMap((t) => [t, ...(rollups ? (t.derived ?? []).filter((d) => schema.has(d.table)) : [])]);
    // New files for the tables loaded: no WAL for them on a wal_level=minimal server, rows frozen.
    const fresh = rebuild ? await truncateForBulkLoad(client, [...loaded.map((t) => t.table), 'case_event_chain']) : new Set<string>();
    for (const generated of loaded) {
      // The shard key (api Migration20261210020000_county_key), on a database migrated that far.
      const data = schema.get(generated.table)?.has('county_key') ? generated : withoutColumn(generated, 'county_key');
      // An empty table's rows are not even generated (case_assignment walked every case for none).
      if (data.count === 0) {
        rows[data.table] = 0;
        continue;
      }
      const report = (n: number): void => options.onProgress?.({ table: data.table, rows: n, total: data.count });
      const dropped = rebuild && BULK_TABLES.has(data.table) ? await dropSecondaryIndexes(client, data.table) : [];
      const triggers = skipped && BULK_TABLES.has(data.table) && data.columns.includes('county_key') ? await dropInsertTriggers(client, data.table) : [];
      // Without triggers nothing would chain the events: they are chained as they are generated.
      const chained = skipped && data.table === 'case_event';
      const freeze = fresh.has(data.table) && (await freezable(client, data.table));
      rows[data.table] = await copyTable(client, chained ? chainedEvents(data, await currentTransactionId(client)) : data, report, { freeze });
      if (chained) await setChainHeads(client);
      await restoreTriggers(client, triggers);
      phase(`copy ${data.table}`);
      if (dropped.length) {
        await recreateIndexes(client, dropped);
        phase(`index ${data.table}`);
      }
    }
    if (skipped) {
      const broken = await firstBrokenLink(client);
      if (broken) throw new Error(`the case-event chain does not verify after the load: ${broken}`);
      phase('verify chain');
    }
    await advanceSequences(client);
    phase('sequences');
    if (rollups) {
      await resumeRollups(client, { kpiCopied: loaded.some((t) => t.table === 'case_kpi_case') });
      phase('kpi rollups');
    }
    await client.query('commit');
    phase('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  // Fresh statistics, so the first queries after a big load get sensible plans.
  for (const data of loaded) await client.query(`analyze ${quoteIdent(data.table)}`);
  phase('analyze');
  return { profile, seed, anchor: options.anchor, rows, elapsedMs: Math.round(performance.now() - started), foreignKeyChecksSkipped: skipped, phases };
}

/** Each table of the public schema with its columns. */
async function tableColumns(client: Db): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `select table_name as table, column_name as column from information_schema.columns where table_schema = 'public'`,
  );
  const out = new Map<string, Set<string>>();
  for (const { table, column } of rows) out.set(table, (out.get(table) ?? new Set()).add(column));
  return out;
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
