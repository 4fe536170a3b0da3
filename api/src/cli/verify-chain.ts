import { runOwnerCli } from './owner-cli';
import { verifyChains } from '../modules/case/case-chain.service';

const usage = 'usage: pnpm --filter @gridwatch/api verify:chain [--county <code>]';

/**
 * Verifies the case-event hash chains (one per county) of DATABASE_URL or the embedded
 * database, and names the first broken link of each. Exit code 1 when any chain is broken.
 */
function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--county');
  const code = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !code) {
    console.error(usage);
    process.exit(2);
  }
  return runOwnerCli(async (orm) => {
    const em = orm.em.fork();
    const names = new Map<number, string>(
      (await em.execute<{ id: number; code: string; name: string }[]>(`select id, code, name from grid where level in ('CITY', 'COUNTY')`)).map((g: { id: number; code: string; name: string }) => [g.id, `${g.code.slice(0, 6)} ${g.name}`]),
    );
    let key: number | null = null;
    if (code) {
      const [grid] = await em.execute<{ id: number }[]>(`select id from grid where level = 'COUNTY' and (code = ? or left(code, 6) = ?)`, [code, code]);
      if (!grid) {
        console.error(`no county with code ${code}`);
        return 2;
      }
      key = grid.id;
    }
    const reports = await verifyChains(em, key);
    for (const r of reports) {
      const label = r.chainKey === 0 ? 'city level' : (names.get(r.chainKey) ?? `grid ${r.chainKey}`);
      if (!r.broken) console.log(`${label}: ${r.events} events, chain intact`);
      else console.log(`${label}: BROKEN at event ${r.broken.eventId} (case ${r.broken.caseId}, seq ${r.broken.seq}): ${r.broken.problem}`);
    }
    return reports.some((r) => r.broken) ? 1 : 0;
  });
}

main();
