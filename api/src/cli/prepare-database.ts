import { Client } from 'pg';
import { StartedClock, systemClock } from '../common/clock';
import { loadConfig } from '../config';
import { enableAppRole } from '../db/app-role';
import { DATABASE_NAME, migrate } from '../db/database';
import { seedIfEmpty } from '../db/seed';
import { beijingDay } from '@gridwatch/domain';

/**
 * `pnpm --filter @gridwatch/api db:prepare`: what the first start of a single process does,
 * for a cluster whose replicas must not race for it (deploy/cluster.sh): on DATABASE_URL's
 * server, creates the database when missing, migrates, loads the Hefei seed into an empty one
 * and lets the app role log in. Prints the app role's login as a PgBouncer auth-file line.
 */
async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('db:prepare needs DATABASE_URL (the owner\'s login, e.g. postgres://postgres:…@127.0.0.1:5432/gridwatch)');
    return 2;
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new Client(maintenance.toString());
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1) || DATABASE_NAME;
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
  await migrate(url, (line) => console.error(line));
  const start = loadConfig().clockStart;
  const clock = start ? new StartedClock(start) : systemClock;
  if (await seedIfEmpty(url, beijingDay(clock.now()))) console.error('loaded the Hefei seed');
  const app = new URL(await enableAppRole(url));
  console.log(`"${decodeURIComponent(app.username)}" "${decodeURIComponent(app.password)}"`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('db:prepare failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
