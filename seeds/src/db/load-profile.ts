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
import { SideLoad } from './side-load';
import { EventSpool } from './event-spool';
import { copySpooledCases } from './case-spool';
import type { CaseLogData } from '../generator/case-log';
import type { TableData } from '../generator/table';

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
  /**
   * Opens a second connection to the same database. The case rollups (tables nothing refers
   * to, counted in the case table's pass) are then copied on it in a transaction of their own
   * while the first builds the case indexes and copies the events; it commits just before the
   * first, and rolls back with it. Without it everything is copied on `client`, one after the other.
   */
  connect?: () => Promise<Db>;
  /**
   * Write the event table's rows in a worker thread (event-spool.ts) while the case indexes are
   * built, instead of generating them during their COPY. Default: on for the profiles without
   * life cycles (their events replay the case table's pass), which are the scale profiles.
   */
  spoolEvents?: boolean;
  /**
   * Worker threads that generate the case table by runs of whole days (case-spool.ts); 0
   * generates it during its COPY. Default: 2 for the profiles without life cycles.
   */
  caseWorkers?: number;
}

// Tables big enough in the scale profiles for index rebuilding to pay off (the nation's grid
// and grid workers: 665,000 and 662,000 rows, the grid with a trigram index on its names).
const BULK_TABLES = new Set([
  'grid', 'grid_worker', 'grid_worker_grid', 'pollution_source', 'pollution_source_change', 'case', 'case_event', 'inspection', 'case_rollup_due', 'case_rollup_day',
  'case_kpi_case',
]);

// Counted from the cases, referenced by no table and referencing none: loadable beside them.
const SIDE_TABLES = new Set(['case_rollup', 'case_rollup_due', 'case_rollup_day', 'case_kpi_case', 'case_kpi_rollup']);

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
  const dataset = { spec, seed, anchor: options.anchor, passwordHash: await demoPasswordHash(seed) };
  let caseLog: CaseLogData | null = null;
  const tables = buildDataset({ ...dataset, onCaseLog: (log) => (caseLog = log) });
  phase('build');
  const rows: Record<string, number> = {};
  let skipped = false;
  let loaded = tables;
  const scale = profile !== 'hefei';
  const rebuild = options.rebuildIndexes ?? scale;
  const sideDb = options.connect ? await options.connect() : null;
  const side = sideDb
    ? new SideLoad(sideDb, {
        rebuild,
        onDone: (table, n, ms) => {
          rows[table] = n;
          const done = { phase: `copy ${table} (second connection)`, ms };
          phases.push(done);
          options.onPhase?.(done);
        },
      })
    : null;
  let sideCommitted = false;
  let spool: EventSpool | null = null;
  await client.query('begin');
  try {
    if (options.skipForeignKeyChecks ?? scale) skipped = await trySkipForeignKeys(client);
    if (rebuild) await client.query(`set local maintenance_work_mem = '256MB'`);
    // The chain check and the rollup rebuild sort and group millions of rows: in memory, not
    // in 4 MB runs on disk (the default work_mem).
    if (scale) await client.query(`set local work_mem = '256MB'`);
    const rollups = await suspendRollups(client);
    await ensureEventPartitions(client, options.anchor);
    // The rollups ride on the case table: copied right after it (when the schema has them).
    const schema = await tableColumns(client);
    loaded = tables.flatMap((t) => [t, ...(rollups ? (t.derived ?? []).filter((d) => schema.has(d.table)) : [])]);
    const here = loaded.filter((t) => !(side && SIDE_TABLES.has(t.table)));
    // New files for the tables loaded: no WAL for them on a wal_level=minimal server, rows frozen.
    const fresh = rebuild ? await truncateForBulkLoad(client, [...here.map((t) => t.table), 'case_event_chain']) : new Set<string>();
    // The shard key (api Migration20261210020000_county_key), on a database migrated that far.
    const shaped = new Map(loaded.map((t) => [t, schema.get(t.table)?.has('county_key') ? t : withoutColumn(t, 'county_key')]));
    for (const generated of loaded) {
      const data = shaped.get(generated)!;
      // An empty table's rows are not even generated (case_assignment walked every case for none).
      if (data.count === 0) {
        rows[data.table] = 0;
        continue;
      }
      const report = (n: number): void => options.onProgress?.({ table: data.table, rows: n, total: data.count });
      // Queued on the second connection as soon as the table they are counted from is copied.
      if (side && SIDE_TABLES.has(data.table)) continue;
      const dropped = rebuild && BULK_TABLES.has(data.table) ? await dropSecondaryIndexes(client, data.table) : [];
      const triggers = skipped && BULK_TABLES.has(data.table) && data.columns.includes('county_key') ? await dropInsertTriggers(client, data.table) : [];
      // Without triggers nothing would chain the events: they are chained as they are generated.
      const chained = skipped && data.table === 'case_event';
      const freeze = fresh.has(data.table) && (await freezable(client, data.table));
      const workers = generated.parts ? (options.caseWorkers ?? 2) : 0;
      if (spool && data.table === 'case_event') rows[data.table] = await spool.copy(client, data.count, { freeze });
      else if (generated.parts && workers > 0) {
        const without = data.columns.includes('county_key') ? [] : ['county_key'];
        rows[data.table] = await copySpooledCases(client, data, generated.parts, { dataset, without }, { workers, freeze, onRows: report });
      } else rows[data.table] = await copyTable(client, chained ? chainedEvents(data, await currentTransactionId(client)) : data, report, { freeze });
      if (chained) await setChainHeads(client);
      await restoreTriggers(client, triggers);
      phase(`copy ${data.table}`);
      const events = loaded.find((t) => t.table === 'case_event');
      if (data.table === 'case' && caseLog && events && (options.spoolEvents ?? !spec.lifecycles)) {
        spool = new EventSpool({
          dataset,
          caseLog,
          chainTx: skipped ? await currentTransactionId(client) : null,
          without: schema.get('case_event')?.has('county_key') ? [] : ['county_key'],
        });
      }
      // The indexes are built while this thread counts the rollups of cases generated by workers.
      const indexing = recreateIndexes(client, dropped);
      indexing.catch(() => undefined);
      if (generated.parts && workers > 0) generated.parts.finish();
      for (const d of side ? (generated.derived ?? []) : []) {
        const queued = shaped.get(d);
        if (queued && SIDE_TABLES.has(d.table)) side?.add(queued, (n) => options.onProgress?.({ table: d.table, rows: n, total: queued.count }));
      }
      await indexing;
      if (dropped.length) phase(`index ${data.table}`);
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
    if (side) {
      await side.finish();
      phase('second connection');
      // Its tables first: should the last commit fail, they are emptied again (abandon).
      await side.commit();
      sideCommitted = true;
    }
    await client.query('commit');
    phase('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    await side?.abandon(sideCommitted);
    await sideDb?.end?.();
    throw error;
  } finally {
    await spool?.close();
  }
  // Fresh statistics, so the first queries after a big load get sensible plans (both connections at once).
  const analyze = async (db: Db, list: readonly TableData[]): Promise<void> => {
    for (const data of list) await db.query(`analyze ${quoteIdent(data.table)}`);
  };
  const onSide = loaded.filter((t) => side?.tables.includes(t.table));
  await Promise.all([analyze(client, loaded.filter((t) => !onSide.includes(t))), sideDb ? analyze(sideDb, onSide) : null]);
  await sideDb?.end?.();
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
