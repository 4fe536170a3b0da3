import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './api-process';
import { daemonUser, requireDebianPackage } from './debian-package';

export interface PgBouncer {
  /** The pooler's URL for the database, without credentials (db/pooler.ts adds the app role's). */
  url: string;
  database: string;
  /** A statement on PgBouncer's admin console (SHOW SERVERS, SHOW POOLS). */
  admin<T = Record<string, unknown>>(command: string): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction mode in front of `serverUrl`'s database, with at most `serverConnections`
 * connections to PostgreSQL, for the login of `serverUrl` (its password in the auth file).
 */
export async function startPgBouncer(serverUrl: string, serverConnections: number): Promise<PgBouncer> {
  const binary = requireDebianPackage('pgbouncer');
  const server = new URL(serverUrl);
  const login = decodeURIComponent(server.username);
  const database = server.pathname.slice(1);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-pgbouncer-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(path.join(dir, 'userlist.txt'), `"${login}" "${decodeURIComponent(server.password)}"\n`, { mode: 0o644 });
  writeFileSync(
    ini,
    [
      '[databases]',
      // The same database name as on the server: MikroORM looks itself up in pg_database.
      `${database} = host=${server.hostname} port=${server.port || 5432} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = md5',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      `admin_users = ${login}`,
      'pool_mode = transaction',
      `default_pool_size = ${serverConnections}`,
      `max_db_connections = ${serverConnections}`,
      'reserve_pool_size = 0',
      'max_client_conn = 500',
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const user = daemonUser();
  const child = spawn(binary, [...(user ? ['-u', user] : []), ini], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const adminUrl = `postgres://${encodeURIComponent(login)}:${encodeURIComponent(decodeURIComponent(server.password))}@127.0.0.1:${port}/pgbouncer`;
  const admin = async <T>(command: string): Promise<T[]> => {
    const client = new Client(adminUrl);
    await client.connect();
    try {
      return (await client.query(command)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited: ${output.join('').slice(-2000)}`);
    if (await admin('SHOW VERSION').then(() => true, () => false)) break;
    if (waited > 20_000) {
      await stop();
      throw new Error(`pgbouncer did not start: ${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `postgres://127.0.0.1:${port}/${database}`, database, admin, stop };
}
