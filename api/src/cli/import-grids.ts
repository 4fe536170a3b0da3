import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openDatabase } from '../db/database';
import { ormConfig } from '../db/orm.config';
import { StartupError } from '../db/embedded-postgres';
import { importGrids } from '../modules/grid/grid-import.service';

const usage = 'usage: pnpm import:grids <file.csv> [--dry-run]   (columns: code,name,level,parent_code[,kind,illustrative])';

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
  const csv = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: () => undefined });
  // An administrative tool: it runs as the owner, outside any request's territory.
  await migrate(database.url);
  const orm = await MikroORM.init(ormConfig(database.url));
  try {
    const em = orm.em.fork();
    em.setFilterParams('scope', { system: true });
    const report = await importGrids(em, csv, { dryRun: args.includes('--dry-run') });
    for (const p of report.problems) console.error(`line ${p.line}${p.code ? ` (${p.code})` : ''}: ${p.reason}`);
    if (report.problems.length) {
      console.error(`\n${report.problems.length} problem(s): nothing was imported.`);
      return 1;
    }
    const verb = args.includes('--dry-run') ? 'would insert' : 'inserted';
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
