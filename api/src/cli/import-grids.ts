import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config';
import { operatorContext } from '../context/operator-context';
import { inUnit } from '../context/unit-of-work';
import { migrate, openDatabase } from '../db/database';
import { ormConfig } from '../db/orm.config';
import { StartupError } from '../db/embedded-postgres';
import { gridImportService } from '../modules/grid/grid-import.service';
import { installAppPolicies } from '../server/policies';

const usage = 'usage: pnpm import:grids <file.csv|file.xlsx> [--dry-run]   (columns: code,name,level,parent_code[,kind,illustrative,has_platform,former_code])';

/**
 * Imports a grid division table (Annex 1) into the database of DATABASE_URL, or into the
 * embedded one (stop the running server first: they share the data directory).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(usage);
    return 2;
  }
  // pnpm runs the script inside api/; resolve the path from where the user typed it.
  const bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: () => undefined });
  await migrate(database.url);
  const orm = await MikroORM.init(ormConfig(database.url));
  try {
    installAppPolicies();
    const ctx = operatorContext(orm);
    const dryRun = args.includes('--dry-run');
    // One unit of work: the whole table or nothing.
    const report = await inUnit(ctx, () => gridImportService.import(ctx, bytes, dryRun));
    for (const p of report.errors) console.error(`line ${p.line}${p.column ? ` [${p.column}]` : ''} ${p.reason}: ${p.message}`);
    if (report.errors.length) {
      console.error(`\n${report.errors.length} problem(s): nothing was imported.`);
      return 1;
    }
    const verb = dryRun ? 'would insert' : 'inserted';
    console.log(`${verb} ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}`);
    return 0;
  } finally {
    await orm.close(true);
    await database.embedded?.stop();
  }
}

main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof StartupError ? `import-grids: ${error.message}` : error);
      process.exit(1);
    },
  );
