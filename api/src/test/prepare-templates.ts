import 'reflect-metadata';
import { REFERENCE_ANCHOR } from '@gridwatch/seeds';
import { Client } from 'pg';
import { migrate } from '../db/database';
import { seedIfEmpty } from '../db/seed';
import { TEMPLATE_EMPTY, TEMPLATE_SEEDED, withDatabase } from './databases';

/**
 * Creates the template databases the test files clone: migrated, and migrated + Hefei
 * seed. Runs in its own process so the ORM's and GraphQL's global metadata never leak into
 * jest's test realms.
 */
async function main(): Promise<void> {
  const adminUrl = process.env.GW_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('GW_TEST_ADMIN_URL is required');
  const admin = new Client(adminUrl);
  await admin.connect();
  try {
    for (const name of [TEMPLATE_SEEDED, TEMPLATE_EMPTY]) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  for (const name of [TEMPLATE_EMPTY, TEMPLATE_SEEDED]) await migrate(withDatabase(adminUrl, name));
  // Tests pin the demo's anchor: their expectations are about this data, whatever day they run.
  await seedIfEmpty(withDatabase(adminUrl, TEMPLATE_SEEDED), REFERENCE_ANCHOR);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
