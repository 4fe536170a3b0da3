import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';
import { ormConfig } from '../db/orm.config';
import { installAppPolicies } from '../server/policies';

/**
 * An administrative command: opens DATABASE_URL or the embedded database as the owner
 * (migrated), runs `body`, closes everything, and exits with the code it returns.
 */
export function runOwnerCli(body: (orm: MikroORM) => Promise<number>): void {
  const run = async (): Promise<number> => {
    installAppPolicies();
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: () => undefined });
    await migrate(database.url);
    const orm = await MikroORM.init(ormConfig(database.url));
    try {
      return await body(orm);
    } finally {
      await orm.close(true);
      await database.embedded?.stop();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
