import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { migrateDatabase } from '../db/migration-chain';
import { ormConfig } from '../db/orm.config';

/**
 * Developer tool: applies the committed migrations to a throwaway database (from the baseline), diffs the
 * entities against it and writes the difference as a new migration file.
 * Usage: pnpm --filter @gridwatch/api migration:create
 */
async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'gw-mig-')), persistent: false });
  try {
    await server.createDatabase('migrations');
    await migrateDatabase(server.url('migrations'));
    const orm = await MikroORM.init(ormConfig(server.url('migrations'), { debug: false }));
    const migrator = orm.getMigrator();
    const result = await migrator.createMigration(undefined, false, !(await migrator.getExecutedMigrations()).length);
    console.log(result.fileName ? `created ${result.fileName}` : 'no changes: the schema matches the entities');
    await orm.close(true);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
