import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded-postgres';

declare global {
  // eslint-disable-next-line no-var
  var gridwatchTestServer: EmbeddedServer | undefined;
}

/**
 * One PostgreSQL per test run (embedded, or the server of DATABASE_URL) with two template
 * databases: migrated, and migrated + Hefei seed. Each test file clones the one it needs,
 * which takes a fraction of a second instead of re-seeding.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'gridwatch-test-')), persistent: false });
    globalThis.gridwatchTestServer = server;
    adminUrl = server.url('postgres');
  }
  process.env.GW_TEST_ADMIN_URL = adminUrl;
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'prepare-templates.ts')], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, GW_TEST_ADMIN_URL: adminUrl },
    stdio: 'inherit',
  });
}
