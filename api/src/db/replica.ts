import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, existsSync, lchownSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { binariesDir, pickPort, StartupError } from './embedded-binaries';
import { grantPostgresTraversal } from './postgres-user-access';

/*
 * A streaming read replica of a running PostgreSQL 17, made with the low-level backup API
 * (pg_backup_start, a copy of the data directory, pg_backup_stop): the embedded binaries have
 * no pg_basebackup, and Debian's older one refuses a 17 server. The primary must be on this
 * machine (its data directory is copied from disk); the replica then streams from it over
 * TCP through a physical replication slot, so the primary keeps the WAL it has not sent.
 *
 * Entry points: prepareReplica (a standby data directory, not started), startReplica (runs
 * one), createStreamingReplica (both). The CLI is src/cli/replica.ts.
 */

export interface PrepareReplicaOptions {
  /** A superuser's URL of the primary (replication and the backup functions need one). */
  primaryUrl: string;
  /** Where the replica's data goes: must not exist yet, or be empty. */
  dataDir: string;
  /** The physical replication slot on the primary (created when missing). */
  slot?: string;
  log?: (line: string) => void;
}

export interface RunningReplica {
  port: number;
  dataDir: string;
  url(database: string): string;
  /** Fast shutdown; `remove` also deletes the data directory and drops the slot on the primary. */
  stop(options?: { remove?: boolean }): Promise<void>;
}

/** Directories whose contents a base backup leaves out (PostgreSQL's own list); the directories themselves are kept. */
const EMPTIED = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
/** Top-level files of the running primary that a standby must not inherit. */
const SKIPPED = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal', 'current_logfiles']);

export const DEFAULT_SLOT = 'gridwatch_replica';

export async function prepareReplica(options: PrepareReplicaOptions): Promise<void> {
  const slot = options.slot ?? DEFAULT_SLOT;
  if (!/^[a-z0-9_]{1,63}$/.test(slot)) throw new StartupError(`A replication slot name is lower-case letters, digits and _: ${slot}`);
  const target = path.resolve(options.dataDir);
  if (existsSync(target) && readdirSync(target).length) throw new StartupError(`${target} is not empty: a replica is made into a new directory.`);
  const primary = new Client(options.primaryUrl);
  await primary.connect();
  try {
    const source = await checkPrimary(primary);
    await allowReplication(primary, new URL(options.primaryUrl).username);
    // Reserved at once, so the WAL from before the backup's start is kept until the replica has it.
    await primary.query('select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1 and not active', [slot]);
    await primary.query('select pg_create_physical_replication_slot($1, true)', [slot]);
    await primary.query('select pg_backup_start($1, true)', [`gridwatch replica ${slot}`]);
    let label: { labelfile: string; spcmapfile: string | null };
    try {
      options.log?.(`copying ${source} to ${target}`);
      mkdirSync(target, { recursive: true, mode: 0o700 });
      copyTree(source, target, true);
    } finally {
      // Always ends the backup (a backup left open blocks the next one); the label is what the copy needs.
      const stopped = await primary.query<{ labelfile: string; spcmapfile: string | null }>('select labelfile, spcmapfile from pg_backup_stop(false)');
      label = stopped.rows[0];
    }
    writeFileSync(path.join(target, 'backup_label'), label.labelfile);
    if (label.spcmapfile) writeFileSync(path.join(target, 'tablespace_map'), label.spcmapfile);
    writeFileSync(path.join(target, 'standby.signal'), '');
    appendFileSync(path.join(target, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo(options.primaryUrl, slot)}'\nprimary_slot_name = '${slot}'\n`);
    chmodSync(target, 0o700);
    ownTree(target);
  } finally {
    await primary.end();
  }
}

/** The primary's data directory, once it is known to stream to a standby. */
async function checkPrimary(primary: Client): Promise<string> {
  const { rows } = await primary.query<{ wal_level: string; senders: number; dir: string; superuser: boolean }>(
    `select current_setting('wal_level') as wal_level, current_setting('max_wal_senders')::int as senders,
            current_setting('data_directory') as dir, (select rolsuper from pg_roles where rolname = current_user) as superuser`,
  );
  const { wal_level, senders, dir, superuser } = rows[0];
  if (!superuser) throw new StartupError('The primary URL must name a superuser: making a replica copies the whole server.');
  if (wal_level === 'minimal' || senders < 1) throw new StartupError('The primary needs wal_level=replica and max_wal_senders >= 1 (then a restart).');
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new StartupError(`The primary's data directory ${dir} is not on this machine: copy it from its host.`);
  return dir;
}

/** A `host replication` line for TCP from this machine, added (and the configuration reloaded) when the primary has none. */
async function allowReplication(primary: Client, user: string): Promise<void> {
  const { rows } = await primary.query<{ n: number }>(
    `select count(*)::int as n from pg_hba_file_rules where error is null and type like 'host%' and 'replication' = any(database)`,
  );
  if (rows[0].n > 0) return;
  const file = (await primary.query<{ f: string }>(`select current_setting('hba_file') as f`)).rows[0].f;
  appendFileSync(file, `\nhost replication ${user} 127.0.0.1/32 scram-sha-256\nhost replication ${user} ::1/128 scram-sha-256\n`);
  await primary.query('select pg_reload_conf()');
}

/** libpq's key=value form of the primary's URL, quoted for a postgresql.conf string. */
function conninfo(url: string, slot: string): string {
  const parsed = new URL(url);
  const quote = (value: string) => `'${value.replace(/[\\']/g, '\\$&')}'`.replace(/'/g, "''");
  const parts = { host: parsed.hostname, port: parsed.port || '5432', user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password), application_name: slot };
  return Object.entries(parts).filter(([, value]) => value).map(([key, value]) => `${key}=${quote(value)}`).join(' ');
}

/**
 * The data directory as the backup API expects it copied: while the primary runs, files may
 * vanish or change under the copy (WAL replay on the standby repairs them), so a file gone
 * between listing and copying is skipped.
 */
function copyTree(from: string, to: string, top: boolean): void {
  for (const name of readdirSync(from)) {
    if ((top && SKIPPED.has(name)) || name.startsWith('pgsql_tmp') || name === 'pg_internal.init') continue;
    const source = path.join(from, name);
    const target = path.join(to, name);
    try {
      const stat = lstatSync(source);
      if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
      else if (stat.isDirectory()) {
        mkdirSync(target, { mode: stat.mode & 0o777 });
        if (!(top && EMPTIED.has(name))) copyTree(source, target, false);
      } else if (stat.isFile()) {
        copyFileSync(source, target);
        chmodSync(target, stat.mode & 0o777);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** As root the server runs as the `postgres` user (as the embedded primary does), which must own its data. */
function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

function ownTree(dir: string): void {
  const ids = postgresIds();
  if (!ids) return;
  const walk = (at: string) => {
    lchownSync(at, ids.uid, ids.gid);
    if (lstatSync(at).isDirectory()) for (const name of readdirSync(at)) walk(path.join(at, name));
  };
  walk(dir);
}

export interface StartReplicaOptions {
  dataDir: string;
  /** A free one is picked when not given. */
  port?: number;
  /** Listen address (a replica serving other hosts: '*'). */
  listen?: string;
  /** The primary's superuser URL: its credentials log in to the replica, and `stop({ remove: true })` drops the slot there. */
  primaryUrl?: string;
  slot?: string;
  /** More `-c name=value` settings. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

/** Runs the standby in dataDir (made by prepareReplica) until it accepts read-only connections. */
export async function startReplica(options: StartReplicaOptions): Promise<RunningReplica> {
  const dataDir = path.resolve(options.dataDir);
  grantPostgresTraversal([path.dirname(dataDir), binariesDir()]);
  const settings: Record<string, string> = {
    listen_addresses: options.listen ?? '127.0.0.1',
    // A hot standby needs at least the primary's max_connections (the embedded primary runs with 200).
    max_connections: '200',
    shared_buffers: '64MB',
    hot_standby: 'on',
    // Long reads on the replica hold back the primary's vacuum instead of being cancelled.
    hot_standby_feedback: 'on',
    log_min_messages: 'warning',
    ...options.settings,
  };
  const { child, port, exited } = await spawnStandby(dataDir, options.port, settings);
  const superuserUrl = options.primaryUrl ? new URL(options.primaryUrl) : null;
  const url = (database: string) => {
    const made = new URL(superuserUrl?.toString() ?? 'postgres://postgres@127.0.0.1/');
    made.hostname = '127.0.0.1';
    made.port = String(port);
    made.pathname = `/${database}`;
    return made.toString();
  };
  options.log?.(`read replica on 127.0.0.1:${port}, data in ${dataDir}`);
  return {
    port,
    dataDir,
    url,
    async stop(stopOptions = {}) {
      await stopProcess(child, exited);
      if (!stopOptions.remove) return;
      rmSync(dataDir, { recursive: true, force: true });
      if (options.primaryUrl) await dropSlot(options.primaryUrl, options.slot ?? DEFAULT_SLOT);
    },
  };
}

/** prepareReplica then startReplica: what the tests and the cluster script call. */
export async function createStreamingReplica(options: PrepareReplicaOptions & Omit<StartReplicaOptions, 'primaryUrl' | 'slot'>): Promise<RunningReplica> {
  await prepareReplica(options);
  return startReplica({ ...options, primaryUrl: options.primaryUrl, slot: options.slot });
}

class PortTaken extends Error {}

/** The postgres process on a free port (another server may take the one picked before it binds: then the next). */
async function spawnStandby(dataDir: string, wanted: number | undefined, settings: Record<string, string>): Promise<{ child: ChildProcess; port: number; exited: Promise<void> }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = wanted ?? (await pickPort());
    const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
    const child = spawn(path.join(binariesDir(), 'native', 'bin', 'postgres'), args, { ...(postgresIds() ?? {}), stdio: ['ignore', 'ignore', 'pipe'] });
    const logs: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      logs.push(chunk.toString());
      if (logs.length > 100) logs.shift();
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await waitUntilStandby(child, dataDir, logs);
      return { child, port, exited };
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      if (!(error instanceof PortTaken) || wanted !== undefined || attempt >= 5) throw error;
    }
  }
}

/**
 * Ready when the server's own postmaster.pid (its pid, then on line 8 its state) says so.
 * Asking over TCP could reach another server that took the port.
 */
async function waitUntilStandby(child: ChildProcess, dataDir: string, logs: string[]): Promise<void> {
  if (!existsSync(path.join(dataDir, 'standby.signal'))) throw new StartupError(`${dataDir} has no standby.signal: not a replica (made by prepareReplica)`);
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = logs.join('');
      if (/could not bind|Address already in use/i.test(text)) throw new PortTaken(text);
      throw new StartupError(`The replica did not start: ${text.trim().split('\n').slice(-3).join(' ')}`);
    }
    const lines = existsSync(path.join(dataDir, 'postmaster.pid')) ? readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n') : [];
    // `ready` is also a hot standby's state once it takes read-only connections (`standby` is one that takes none).
    if (lines[0] === String(child.pid) && lines[7]?.trim() === 'ready') return;
    if (Date.now() - started > 60_000) throw new StartupError(`The replica did not accept connections within a minute: ${logs.join('').slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function dropSlot(primaryUrl: string, slot: string): Promise<void> {
  const primary = new Client(primaryUrl);
  await primary.connect();
  try {
    // The walsender may take a moment to notice the standby is gone.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { rows } = await primary.query<{ active: boolean }>('select active from pg_replication_slots where slot_name = $1', [slot]);
      if (!rows.length) return;
      if (!rows[0].active) {
        await primary.query('select pg_drop_replication_slot($1)', [slot]);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await primary.end();
  }
}
