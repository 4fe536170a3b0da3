import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { enableAppRole } from './app-role';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';
import { ormConfig } from './orm.config';

export const DATABASE_NAME = 'gridwatch';

export interface Database {
  url: string;
  embedded: EmbeddedServer | null;
}

/** `DATABASE_URL` when given, otherwise the embedded server with its data under the repo. */
export async function openDatabase(options: { databaseUrl: string | null; dataDir: string; log: (line: string) => void }): Promise<Database> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
  const url = embedded.url(DATABASE_NAME);
  const admin = new Client(embedded.url('postgres'));
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE_NAME]);
    if (!rowCount) await admin.query(`create database ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  return { url, embedded };
}

/** Applies any pending migration as the owner (the only way the schema changes). */
export async function migrate(ownerUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  const orm = await MikroORM.init(ormConfig(ownerUrl));
  try {
    const applied = await orm.getMigrator().up();
    if (applied.length) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await orm.close(true);
  }
}

/**
 * The API's own connection: as the app role, so row-level security applies to every statement.
 * Every connection made from its URL (the ORM's, the read and rate-limit pools) carries the
 * statement timeout, so a stuck statement (a lock never released, a runaway plan) ends its
 * request with TIMEOUT instead of holding a connection and the caller forever.
 */
export async function openAppOrm(ownerUrl: string, statementTimeoutMs = 0): Promise<MikroORM> {
  const url = withStatementTimeout(await enableAppRole(ownerUrl), statementTimeoutMs);
  // The ORM builds its connections from the URL's parts (not its options): the limit goes to the driver too.
  return MikroORM.init(ormConfig(url, statementTimeoutMs ? { driverOptions: { connection: { statement_timeout: statementTimeoutMs } } } : {}));
}

/** The URL the read and rate-limit pools (node-postgres) connect with: the limit as a startup option. */
export function withStatementTimeout(url: string, ms: number): string {
  if (!ms) return url;
  const parsed = new URL(url);
  const options = [parsed.searchParams.get('options'), `-c statement_timeout=${ms}`].filter(Boolean).join(' ');
  parsed.searchParams.set('options', options);
  return parsed.toString();
}
