import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../config';
import { createBackup } from './backup/create-backup';
import { cliClock, fromCaller, runBackupCli } from './backup-cli';

const usage = 'usage: pnpm backup [<file.tar.gz>] [--database-url <url>] [--evidence-dir <dir>]';

/**
 * `pnpm backup`: the database (every table, as COPY text, in one snapshot) and the evidence
 * files it names, with a manifest of SHA-256, as one .tar.gz (default .data/backups/).
 */
function main(): void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch {
    console.error(usage);
    process.exit(2);
  }
  runBackupCli(args.values['database-url'], async (url, config) => {
    const clock = cliClock(config);
    const stamp = clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const out = args.positionals[0] ? fromCaller(args.positionals[0]) : path.join(repoRoot, '.data', 'backups', `gridwatch-${stamp}.tar.gz`);
    const evidenceDir = args.values['evidence-dir'] ? fromCaller(args.values['evidence-dir']) : config.evidenceDir;
    const manifest = await createBackup({ databaseUrl: url, evidenceDir, out, clock });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`backup written to ${out}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.evidence.length} evidence files, ${manifest.migrations.length} migrations (PostgreSQL ${manifest.server})`);
    return 0;
  });
}

function parse() {
  return parseArgs({ allowPositionals: true, options: { 'database-url': { type: 'string' }, 'evidence-dir': { type: 'string' } } });
}

main();
