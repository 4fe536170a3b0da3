import { parseArgs } from 'node:util';
import { restoreBackup } from './backup/restore-backup';
import { restoreIntact } from './backup/verify-restore';
import { fromCaller, runBackupCli } from './backup-cli';

const usage = 'usage: pnpm restore <backup.tar.gz | unpacked dir> [--database-url <url>] [--evidence-dir <dir>] [--force]';

function parse() {
  return parseArgs({ allowPositionals: true, options: { 'database-url': { type: 'string' }, 'evidence-dir': { type: 'string' }, force: { type: 'boolean' } } });
}

/**
 * `pnpm restore`: checks every checksum, refuses a database that has tables (unless --force),
 * loads the backup and verifies the hash chains and the evidence hashes. Exit code 1 when the
 * verification fails, 2 when the backup or the target is refused.
 */
function main(): void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch {
    args = { values: {}, positionals: [] };
  }
  if (args.positionals.length !== 1) {
    console.error(usage);
    process.exit(2);
  }
  runBackupCli(args.values['database-url'], async (url, config) => {
    const evidenceDir = args.values['evidence-dir'] ? fromCaller(args.values['evidence-dir']) : config.evidenceDir;
    const result = await restoreBackup({ backup: fromCaller(args.positionals[0]), databaseUrl: url, evidenceDir, force: args.values.force ?? false });
    const { manifest } = result;
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`restored the backup of ${manifest.createdAt} (PostgreSQL ${manifest.server}): ${manifest.tables.length} tables, ${rows} rows, every checksum matched`);
    if (result.upgraded.length) console.log(`applied ${result.upgraded.length} newer migration(s): ${result.upgraded.join(', ')}`);
    const events = result.chains.reduce((sum, c) => sum + c.events, 0);
    for (const c of result.chains.filter((chain) => chain.broken)) console.log(`hash chain ${c.chainKey}: BROKEN at event ${c.broken!.eventId} (seq ${c.broken!.seq}): ${c.broken!.problem}`);
    console.log(`hash chains: ${result.chains.length} chains, ${events} events, ${result.chains.some((c) => c.broken) ? 'BROKEN (see above)' : 'intact'}`);
    for (const sha256 of result.evidence.bad) console.log(`evidence ${sha256}: missing or not matching its SHA-256`);
    console.log(`evidence: ${result.evidence.files} files in ${evidenceDir}, ${result.evidence.bad.length ? `${result.evidence.bad.length} BAD` : 'every hash matches'}`);
    return restoreIntact(result) ? 0 : 1;
  });
}

main();
