import type { Client } from 'pg';
import type { ClusterLoad } from './cluster-load';

/** What the scenario does to the cluster: the test does it to its own processes, the CLI through deploy/cluster.sh. */
export interface ClusterFaults {
  /** SIGKILL of one API process; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again; resolves once it answers /readyz. */
  restart(): Promise<void>;
  /** HAProxy's name for that process (x-served-by), to see it answer again. */
  killed: string;
  /** A superuser's connection to the replica, where the lag is made; null: no lag phases. */
  standby: Client | null;
  /** The API's DATABASE_REPLICA_MAX_LAG_MS. */
  budgetMs: number;
  log?: (line: string) => void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits at least `min` ms, then until `done` (or `max` ms). */
async function hold(min: number, max: number, done: () => boolean): Promise<void> {
  const started = Date.now();
  await pause(min);
  while (!done() && Date.now() - started < max) await pause(100);
}

async function setDelay(standby: Client, delay: string | null): Promise<void> {
  await standby.query(delay ? `alter system set recovery_min_apply_delay = '${delay}'` : 'alter system reset recovery_min_apply_delay');
  await standby.query('select pg_reload_conf()');
}

/**
 * The load runs through phases: steady; one API process killed (SIGKILL) and restarted; the
 * replica lagging within the lag budget (replay delayed by a third of it: stale readers, writers
 * on the primary until their write is replayed); the replica paused past the budget (every read
 * on the primary); and recovered. The load's tallies are kept per phase.
 */
export async function runClusterScenario(load: ClusterLoad, faults: ClusterFaults): Promise<{ answeredAfterRestart: number }> {
  const log = faults.log ?? (() => undefined);
  const phase = (name: string) => {
    load.phase = name;
    log(`phase ${name}`);
  };
  const current = () => load.phases.get(load.phase);
  phase('steady');
  await hold(3_000, 30_000, () => (current()?.readFrom.replica ?? 0) > 0 && (current()?.ownReadFrom.replica ?? 0) > 0);

  phase('kill');
  await faults.kill();
  // Counted once it is gone: an answer it sent just before dying is not one after the restart.
  const before = load.answered(faults.killed);
  await faults.restart();
  // Through HAProxy's health check (rise 2) it takes requests again: then the phase ends.
  await hold(1_000, 30_000, () => load.answered(faults.killed) > before || load.servedBy.size === 0);
  const answeredAfterRestart = load.answered(faults.killed) - before;

  if (!faults.standby) {
    phase('end');
    return { answeredAfterRestart };
  }
  const standby = faults.standby;
  phase('lag-within-budget');
  await setDelay(standby, `${Math.round(faults.budgetMs / 3)}ms`);
  try {
    await hold(4_000, 15_000, () => (current()?.staleReads ?? 0) > 0);
  } finally {
    await setDelay(standby, null);
  }

  phase('paused');
  await standby.query('select pg_wal_replay_pause()');
  try {
    // Past the budget (and the router's next poll), no API reads the replica.
    await pause(faults.budgetMs + 1_500);
    phase('lag-beyond-budget');
    await pause(2_000);
  } finally {
    await standby.query('select pg_wal_replay_resume()');
  }

  phase('recovered');
  await hold(2_000, 20_000, () => (current()?.ownReadFrom.replica ?? 0) > 0 && (current()?.readFrom.replica ?? 0) > 0);
  phase('end');
  return { answeredAfterRestart };
}
