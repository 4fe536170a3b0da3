import 'reflect-metadata';
import { REFERENCE_ANCHOR } from '@gridwatch/seeds';
import { migrate } from '../../db/database';
import { seedIfEmpty } from '../../db/seed';

/** Migrates and seeds (the tests' pinned demo) the database at argv[2]; a process of its own, like prepare-templates.ts. */
async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error('usage: seed-database.ts <database url>');
  await migrate(url);
  await seedIfEmpty(url, REFERENCE_ANCHOR);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
