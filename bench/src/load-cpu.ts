import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TICK = 100; // USER_HZ on Linux

/**
 * CPU seconds of one embedded server: its postmaster (with its reaped children, the parallel
 * workers) and every live child (backends, checkpointer, WAL writer); other servers not.
 */
function postgresCpu(postmaster: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pid) !== postmaster && Number(fields[1]) !== postmaster) continue;
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICK;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

export interface PhaseCpu {
  /** This process, its worker threads included. */
  node: number;
  postgres: number;
  loadAverage: number;
}

/**
 * What a load phase cost in CPU seconds, beside its wall time: on a shared 2-core machine the
 * wall time says how busy the others were, these say what the load itself took.
 */
export function phaseCpuMeter(dataDir: string): () => PhaseCpu {
  const postmaster = Number(readFileSync(path.join(path.resolve(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0]);
  let node = process.cpuUsage();
  let pg = postgresCpu(postmaster);
  return () => {
    const used = process.cpuUsage(node);
    const nowPg = postgresCpu(postmaster);
    const out = { node: (used.user + used.system) / 1e6, postgres: nowPg - pg, loadAverage: os.loadavg()[0] };
    node = process.cpuUsage();
    pg = nowPg;
    return out;
  };
}
