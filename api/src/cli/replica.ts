import { parseArgs } from 'node:util';
import { StartupError } from '../db/embedded-binaries';
import { DEFAULT_SLOT, prepareReplica, startReplica, type RunningReplica } from '../db/replica';

const USAGE = `pnpm replica <command> [options]

  prepare --primary <superuser url> --data-dir <dir> [--slot <name>]
      Copies the running primary (on this machine) into <dir> as a standby, through the
      low-level backup API and a physical replication slot. Does not start it.
  start --data-dir <dir> [--port <n>] [--listen <addresses>] [--primary <url>]
      Runs the standby in <dir> in the foreground until SIGINT/SIGTERM.
  create --primary <url> --data-dir <dir> [--slot <name>] [--port <n>] [--listen <addresses>]
      prepare, then start.

The API reads from it with DATABASE_REPLICA_URL=postgres://127.0.0.1:<port>/gridwatch
(the credentials are taken from the primary's app role) and DATABASE_REPLICA_MAX_LAG_MS.`;

/**
 * `pnpm replica`: a streaming read replica of a PostgreSQL 17 on this machine, made with the
 * embedded binaries (db/replica.ts). The cluster script calls `prepare` then `start`.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      primary: { type: 'string' },
      'data-dir': { type: 'string' },
      slot: { type: 'string', default: DEFAULT_SLOT },
      port: { type: 'string' },
      listen: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  const dataDir = values['data-dir'];
  if (values.help || !command || !dataDir || !['prepare', 'start', 'create'].includes(command) || (command !== 'start' && !values.primary)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const log = (line: string) => console.log(line);
  if (command !== 'start') await prepareReplica({ primaryUrl: values.primary as string, dataDir, slot: values.slot, log });
  if (command === 'prepare') return 0;
  const port = values.port ? Number(values.port) : undefined;
  // Listening before the start, so a signal during it still stops the server rather than orphaning it.
  const signalled = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const replica: RunningReplica = await startReplica({ dataDir, port, listen: values.listen, primaryUrl: values.primary, slot: values.slot, log });
  await signalled;
  await replica.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof StartupError ? `replica: ${error.message}` : error);
    process.exit(1);
  },
);
