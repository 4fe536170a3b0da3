import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { enableAppRole } from './app-role';
import type { AppConnections } from './pooler';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';
import { migrateDatabase } from './migration-chain';
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

/** Applies any pending migration as the owner (the only way the schema changes): a new database from the baseline. */
export async function migrate(ownerUrl: string, log: (line: string) => void = () => undefined): Promise<void> {
  const applied = await migrateDatabase(ownerUrl);
  if (applied.length) log(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
}

/**
 * The API's own connection: as the app role, so row-level security applies to every statement;
 * through the pooler when one is configured (db/pooler.ts). Every connection made from its URL
 * (the ORM's, the read and rate-limit pools) carries the statement timeout, so a stuck statement
 * (a lock never released, a runaway plan) ends its request with TIMEOUT instead of holding a
 * connection and the caller forever. Behind PgBouncer (which refuses such startup settings)
 * the timeout is the role's or the server's: `alter role … set statement_timeout`.
 */
export async function openAppOrm(ownerUrl: string, connections?: AppConnections, statementTimeoutMs = 0): Promise<MikroORM> {
  const timeout = connections?.transactionPooling ? 0 : statementTimeoutMs;
  const url = withStatementTimeout(connections?.pooled ?? (await enableAppRole(ownerUrl)), timeout);
  // The ORM builds its connections from the URL's parts (not its options): the limit goes to the driver too.
  return MikroORM.init(ormConfig(url, timeout ? { driverOptions: { connection: { statement_timeout: timeout } } } : {}));
}

/** The URL the read and rate-limit pools (node-postgres) connect with: the limit as a startup option. */
export function withStatementTimeout(url: string, ms: number): string {
  if (!ms) return url;
  const parsed = new URL(url);
  const options = [parsed.searchParams.get('options'), `-c statement_timeout=${ms}`].filter(Boolean).join(' ');
  parsed.searchParams.set('options', options);
  return parsed.toString();
}
