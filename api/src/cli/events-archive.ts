import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../config';
import { archiveEvents, restoreEventArchive } from './archive/archive-events';
import { cliClock, fromCaller, runBackupCli } from './backup-cli';

const usage = `usage: pnpm events:archive --before <yyyy-mm> [--dir <dir>] [--database-url <url>]
       pnpm events:archive --restore <file.tar.gz> [--database-url <url>]`;

/**
 * Archives the event log's months before a cut (Beijing months): each written to a file with
 * its SHA-256 and its chains' boundary hashes, verified, detached, recorded and dropped; the
 * chain verifier then starts each chain from the archived runs. --restore attaches one back.
 */
function main(): void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
    if (!args.values.before === !args.values.restore) throw new Error(usage);
  } catch {
    console.error(usage);
    process.exit(2);
  }
  runBackupCli(args.values['database-url'], async (url, config) => {
    const clock = cliClock(config);
    if (args.values.restore) {
      const manifest = await restoreEventArchive({ databaseUrl: url, file: fromCaller(args.values.restore), clock });
      console.log(`restored ${manifest.month}: ${manifest.rows} events attached as ${manifest.partition}`);
      return 0;
    }
    const dir = args.values.dir ? fromCaller(args.values.dir) : path.join(repoRoot, '.data', 'event-archive');
    const months = await archiveEvents({ databaseUrl: url, before: args.values.before ?? '', dir, clock });
    for (const m of months) console.log(`archived ${m.month}: ${m.rows} events in ${m.file}`);
    if (!months.length) console.log(`no month before ${args.values.before} left to archive`);
    return 0;
  });
}

function parse() {
  return parseArgs({ options: { before: { type: 'string' }, restore: { type: 'string' }, dir: { type: 'string' }, 'database-url': { type: 'string' } } });
}

main();
