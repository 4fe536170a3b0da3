import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormConfig } from './orm.config';

/**
 * The migrations as one history with baselines in it (README in migrations/). A baseline
 * (`Migration<ts>_baseline`) builds in one step the schema every migration before it built.
 * A new database starts at the newest baseline; a database with history runs what it lacks,
 * and a baseline it passes is only recorded (its schema is already there).
 */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
/** Migrations squashed into a baseline: kept for databases that started before it. */
export const LEGACY_DIR = path.join(MIGRATIONS_DIR, 'legacy');

type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

export interface ChainMigration {
  name: string;
  class: MigrationClass;
}

export const isBaseline = (name: string): boolean => /^Migration\d{14}_baseline$/.test(name);

/** The migration log (MikroORM's table), oldest first. */
export const MIGRATION_TABLE = 'mikro_orm_migrations';

function load(dir: string): ChainMigration[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'));
  } catch {
    return [];
  }
  return files.map((file) => {
    // Compiled builds hold .js files, swc/jest the .ts sources: loaded the way MikroORM would.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.join(dir, file)) as Record<string, unknown>;
    const found = Object.values(module).find((value): value is MigrationClass => typeof value === 'function' && value.prototype instanceof Migration);
    if (!found) throw new Error(`${file} exports no migration class`);
    return { name: file.replace(/\.(js|ts)$/, ''), class: found };
  });
}

let cached: ChainMigration[] | undefined;

/** Every migration this version knows (legacy and current), in name order. */
export function knownMigrations(): ChainMigration[] {
  cached ??= [...load(LEGACY_DIR), ...load(MIGRATIONS_DIR)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return cached;
}

/** A baseline a database passes on its way up: its schema came from the migrations before it. */
function recordedOnly(): MigrationClass {
  return class extends Migration {
    override async up(): Promise<void> {
      // nothing to run: recording the name is the point
    }
  };
}

/**
 * The migrations a database with this history runs, in order: from where its history starts,
 * or when it has none from the newest baseline (the newest not after `to`, if the database is
 * to stop at an older migration); any later baseline only recorded.
 */
export function migrationChain(history: string[], known: ChainMigration[] = knownMigrations(), to?: string): ChainMigration[] {
  const names = known.map((m) => m.name);
  const strange = [...history, ...(to ? [to] : [])].filter((name) => !names.includes(name));
  if (strange.length) throw new Error(`the database has migrations this version does not know: ${strange.join(', ')}`);
  const limit = to ? names.indexOf(to) : names.length - 1;
  const baselines = names.map((name, i) => (isBaseline(name) && i <= limit ? i : -1)).filter((i) => i >= 0);
  const start = history.length ? names.indexOf(history[0]) : (baselines.at(-1) ?? 0);
  return known.slice(start).map((m, i) => (i > 0 && isBaseline(m.name) ? { name: m.name, class: recordedOnly() } : m));
}

/** The names the migrator has recorded, oldest first (none for a new database). */
export async function migrationHistory(url: string): Promise<string[]> {
  const client = new Client(url);
  await client.connect();
  try {
    const { rows: [{ exists }] } = await client.query<{ exists: boolean }>(`select to_regclass('public.${MIGRATION_TABLE}') is not null as exists`);
    if (!exists) return [];
    const { rows } = await client.query<{ name: string }>(`select name from public.${MIGRATION_TABLE} order by id`);
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

export interface MigrateOptions {
  /** Stop after this migration (restore builds a backup's schema exactly). */
  to?: string;
  /** Choose the path as for this history instead of the database's own (a restore's manifest). */
  history?: string[];
  /** The migrations to choose from (tests add their own). */
  known?: ChainMigration[];
}

/** Runs the pending migrations of the database's path as its owner, in one transaction; returns their names. */
export async function migrateDatabase(ownerUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const chain = migrationChain(options.history ?? (await migrationHistory(ownerUrl)), options.known, options.to);
  const base = ormConfig(ownerUrl);
  const orm = await MikroORM.init(ormConfig(ownerUrl, { migrations: { ...base.migrations, migrationsList: chain } }));
  try {
    const applied = await orm.getMigrator().up(options.to ? { to: options.to } : undefined);
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
