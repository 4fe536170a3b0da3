import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TEST_CLOCK_START } from './time';

export interface ApiProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Sends a signal; `exited` answers the exit code (null when killed by a signal). */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
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

/**
 * A second API process (src/main.ts, as deployed) on the same database as a test app: what
 * two replicas behind one load balancer are. No scheduler, the tests' clock.
 */
export async function startApiProcess(databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}, fixedPort?: number): Promise<ApiProcess> {
  const port = fixedPort ?? (await freePort());
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SCHEDULER: 'off', LOG_LEVEL: 'warn', GRIDWATCH_CLOCK_START: TEST_CLOCK_START.toISOString(), ...extraEnv };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { cwd: path.resolve(__dirname, '..', '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the second API process exited: ${output.join('').slice(-2000)}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { url, port, stop, exited, kill: (signal) => void child.kill(signal) };
    if (waited > 60_000) {
      await stop();
      throw new Error(`the second API process did not become ready: ${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
