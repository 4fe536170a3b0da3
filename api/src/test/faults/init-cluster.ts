import { realpathSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';

/**
 * Initialises a PostgreSQL data directory (argv[2]) the way the app does, starts and stops it
 * once to find a free port, and prints {port, postgres, url}: the binary and address a test
 * then runs itself (embedded-postgres is an ES module jest's realm cannot load).
 */
async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: process.argv[2], persistent: true });
  const url = server.url('postgres');
  await server.stop();
  const library = realpathSync(path.join(path.dirname(require.resolve('embedded-postgres')), '..'));
  const postgres = path.join(realpathSync(path.join(library, '..', '@embedded-postgres', `${process.platform}-${process.arch}`)), 'native', 'bin', 'postgres');
  console.log(JSON.stringify({ port: Number(new URL(url).port), postgres, url }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
