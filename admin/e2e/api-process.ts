import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { CLOCK_START } from './clock';

export interface RunningApi {
  baseUrl: string;
  /** The API's database, for tests that check what was stored (idempotency). */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The embedded server's port, from its postmaster.pid (line 4); user and password as api/src/db/embedded-postgres.ts sets them. */
function embeddedDatabaseUrl(pgDir: string): string {
  const port = readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[3]?.trim();
  return `postgres://postgres:gridwatch@127.0.0.1:${port}/gridwatch`;
}

const API_DIR = path.resolve(__dirname, '..', '..', 'api');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The API was not ready after ${timeoutMs} ms:\n${log()}`);
}

/** With DATABASE_URL: a fresh database on that server, dropped afterwards. */
async function freshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gridwatch_admin_e2e_${process.pid}_${Date.now()}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return { url: fresh.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * Starts the real API as a child process on a free port, on a throwaway database: its own
 * embedded PostgreSQL in a temp directory (seeded with Hefei on first start), or a fresh
 * database on DATABASE_URL's server when that is set.
 */
export async function startApi(): Promise<RunningApi> {
  // Other servers on a shared machine can grab the port we picked between the check and the
  // bind (ours or the embedded database's): a start that fails on a taken port is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      if (attempt >= 3 || !/is taken|already in use/i.test(String(error))) throw error;
    }
  }
}

async function startOnce(): Promise<RunningApi> {
  const dist = path.resolve(__dirname, '..', 'dist', 'index.html');
  if (!existsSync(dist)) throw new Error('admin/dist is missing: run `pnpm --filter @gridwatch/admin build` first (the root test script does).');
  const port = await freePort();
  // Production mode: introspection is off there, and the console must not need it.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', GRIDWATCH_CLOCK_START: CLOCK_START };
  let dataDir: string | null = null;
  let database: { url: string; drop(): Promise<void> } | null = null;
  if (process.env.DATABASE_URL) {
    database = await freshDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
  } else {
    // Under os.tmpdir(): the embedded server's `postgres` user must be able to traverse it.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'gridwatch-admin-e2e-'));
    env.GRIDWATCH_DATA_DIR = path.join(dataDir, 'pg');
  }
  const output: string[] = [];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    if (child.exitCode === null) {
      // SIGTERM lets the API drain HTTP and stop its PostgreSQL; SIGKILL only if it hangs.
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (database) await database.drop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(baseUrl, child, () => output.join('').slice(-4000), 180_000);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { baseUrl, databaseUrl: database?.url ?? embeddedDatabaseUrl(env.GRIDWATCH_DATA_DIR as string), stop: cleanup };
}
