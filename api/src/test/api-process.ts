import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TEST_CLOCK_START } from './time';

export interface ApiProcess {
  url: string;
  port: number;
  /** What the process printed so far (stdout and stderr). */
  output: string[];
  /** SIGTERM, as a deployment stops it (drains HTTP first). */
  stop(): Promise<void>;
  /** A signal (SIGKILL by default: the process dies at once, mid-request, its transactions left to PostgreSQL); resolves once it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** The exit code (null when ended by a signal). */
  exited: Promise<number | null>;
}

export interface ApiProcessOptions {
  /** More (or other) environment: SCHEDULER=on, EVIDENCE_DIR, STATEMENT_TIMEOUT... */
  env?: Record<string, string>;
  /** Listen on this port (a restart keeps its address); default a free one. */
  port?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
// A test that fails half-way never leaves an API process behind its jest worker.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

function exitOf(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

/**
 * An API process (src/main.ts, as deployed) on the given database: what a replica behind a load
 * balancer is. By default no scheduler and the tests' clock.
 */
export async function startApiProcess(databaseUrl: string, options: ApiProcessOptions = {}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SCHEDULER: 'off',
    LOG_LEVEL: 'warn',
    GRIDWATCH_CLOCK_START: TEST_CLOCK_START.toISOString(),
    ...options.env,
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { cwd: path.resolve(__dirname, '..', '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const api: ApiProcess = { url, port, output, exited, stop: () => exitOf(child, 'SIGTERM'), kill: (signal = 'SIGKILL') => exitOf(child, signal) };
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the API process exited: ${output.join('').slice(-2000)}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return api;
    if (waited > 60_000) {
      await api.kill();
      throw new Error(`the API process did not become ready: ${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
