import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Call, Kind } from './queries';

export const benchDir = path.resolve(__dirname, '..');
const postgraphileDir = path.join(benchDir, 'postgraphile');
const node22 = path.join(postgraphileDir, 'node_modules', '.bin', 'node');

export interface Contender {
  name: string;
  kind: Kind;
  /** A diagnostic variant (an authorization layer off): a wrong answer is a finding, not a failure. */
  variant: boolean;
  url: string;
  process: ChildProcess;
  /** The call's headers as `as` (default: the call's own identity). */
  headers(call: Call, as?: string): Record<string, string>;
}

interface Definition {
  name: string;
  kind: Kind;
  variant: boolean;
  command: string;
  args: string[];
  env: Record<string, string>;
  health: { path: string; method: 'GET' | 'POST'; body?: string };
}

/** By identity key (`Call['as']`): the unit header and the session cookie. */
export interface Identities {
  units: Record<string, string>;
  /** Session cookies of the demo accounts, filled in once gridwatch is up. */
  cookies: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** PostGraphile 5 needs Node 22: its folder holds that Node and PostGraphile, installed on first use. */
export function ensurePostgraphile(log: (line: string) => void): void {
  if (existsSync(node22) && existsSync(path.join(postgraphileDir, 'node_modules', 'postgraphile'))) return;
  log('installing PostGraphile 5.1.5 and Node 22.23.3 into bench/postgraphile (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: postgraphileDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in bench/postgraphile failed');
}

const swc = ['-r', '@swc-node/register'];

export interface ContenderOptions {
  variants: boolean;
  only: string[] | null;
  cpuProf: boolean;
}

function definitions(ownerUrl: string, appUrl: string, options: ContenderOptions): Definition[] {
  const profile = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(benchDir, '.data', 'prof')}`] : [];
  const gridwatch = (name: string, env: Record<string, string>): Definition => ({
    name,
    kind: 'gridwatch',
    variant: name !== 'gridwatch',
    command: process.execPath,
    args: [...profile, ...swc, path.join(benchDir, 'src/contenders/gridwatch.ts')],
    env: { DATABASE_URL: ownerUrl, ...env },
    health: { path: '/healthz', method: 'GET' },
  });
  const all: Definition[] = [
    {
      name: 'floor',
      kind: 'floor',
      variant: false,
      command: process.execPath,
      args: [...swc, path.join(benchDir, 'src/contenders/floor.ts')],
      env: { DATABASE_URL: ownerUrl },
      health: { path: '/healthz', method: 'GET' },
    },
    gridwatch('gridwatch', {}),
    ...(options.variants
      ? [gridwatch('gridwatch-noscope', { GW_BENCH_SCOPE: 'off' }), gridwatch('gridwatch-norls', { GW_BENCH_RLS: 'off' }), gridwatch('gridwatch-pgbouncer', { GW_BENCH_PGBOUNCER: 'on' }), gridwatch('gridwatch-replica', { GW_BENCH_REPLICA: 'on' })]
      : []),
    {
      name: 'postgraphile',
      kind: 'postgraphile',
      variant: false,
      command: node22,
      args: [path.join(postgraphileDir, 'server.mjs')],
      env: { DATABASE_URL: appUrl },
      health: { path: '/graphql', method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) },
    },
  ];
  return all.filter((d) => !options.only || d.name === 'floor' || options.only.includes(d.name));
}

async function waitUntilUp(definition: Definition, url: string, child: ChildProcess, output: string[]): Promise<void> {
  // Generous: five processes compile their TypeScript at once on a shared 2-core machine.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) break;
    const ok = await fetch(`${url}${definition.health.path}`, {
      method: definition.health.method,
      headers: { 'content-type': 'application/json' },
      body: definition.health.body,
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${definition.name} did not start:\n${output.join('').slice(-2000)}`);
}

/** Starts every contender as its own process (each with its own pool of 10 connections), all at once. */
export async function startContenders(ownerUrl: string, appUrl: string, identities: Identities, options: ContenderOptions): Promise<Contender[]> {
  const starting = definitions(ownerUrl, appUrl, options).map(async (definition) => {
    const port = await freePort();
    const output: string[] = [];
    const child = spawn(definition.command, definition.args, {
      cwd: benchDir,
      env: { ...process.env, ...definition.env, PORT: String(port), HOST: '127.0.0.1', SCHEDULER: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    const contender: Contender = {
      name: definition.name,
      kind: definition.kind,
      variant: definition.variant,
      url,
      process: child,
      headers: (call, as = call.as) => ({
        ...(call.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(definition.kind === 'gridwatch' ? { cookie: identities.cookies[as] ?? '' } : { 'x-gw-unit': identities.units[as] }),
      }),
    };
    return { contender, up: waitUntilUp(definition, url, child, output) };
  });
  const started = await Promise.all(starting);
  try {
    await Promise.all(started.map((s) => s.up));
  } catch (error) {
    stopContenders(started.map((s) => s.contender));
    throw error;
  }
  return started.map((s) => s.contender);
}

export function stopContenders(contenders: Contender[]): void {
  for (const contender of contenders) contender.process.kill('SIGTERM');
}

/** Signs a demo account in on the shipped API and returns its session cookie. */
export async function signIn(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($l: String!) { signIn(login: $l, password: "gridwatch") { role } }', variables: { l: login } }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in of ${login} failed: ${response.status} ${await response.text()}`);
  return cookie;
}
