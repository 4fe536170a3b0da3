import { runOwnerCli } from './owner-cli';
import { verifyChains } from '../modules/case/case-chain.service';
import { verifyOverApi } from './chain-api-verifier';

const usage = `usage: pnpm --filter @gridwatch/api verify:chain [--county <code>]
       pnpm --filter @gridwatch/api verify:chain --url <api url> [--token <API key>] [--county <code>]`;

function option(args: string[], name: string): string | null | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  return args[at + 1] && !args[at + 1].startsWith('--') ? args[at + 1] : null;
}

/**
 * Verifies the case-event hash chains (one per county). With --url, as a third party would:
 * over the GraphQL API only, against the server's signed checkpoints (chain-api-verifier.ts).
 * Without, directly in DATABASE_URL or the embedded database. Exit code 1 when any chain is broken.
 */
function main(): void {
  const args = process.argv.slice(2);
  const code = option(args, '--county');
  const url = option(args, '--url');
  const token = option(args, '--token');
  if (code === null || url === null || token === null) {
    console.error(usage);
    process.exit(2);
  }
  if (url) return void overApi(url, token ?? process.env.GRIDWATCH_TOKEN ?? null, code ?? null);
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

async function overApi(url: string, token: string | null, county: string | null): Promise<void> {
  try {
    const reports = await verifyOverApi({ url, token, county });
    if (!reports.length) {
      console.error('no event and no signed checkpoint visible to this token: nothing to verify');
      process.exit(1);
    }
    for (const r of reports) {
      const signed = r.checkpoints ? `${r.checkpoints} signed checkpoint(s)` : 'not signed yet';
      const archived = r.archivedEvents ? ` (+${r.archivedEvents} archived, linked by their runs${r.archivedCheckpoints ? `; ${r.archivedCheckpoints} checkpoint(s) inside them, checkable against the archive files only` : ''})` : '';
      if (!r.problems.length) console.log(`${r.county}: ${r.events} events${archived}, ${signed}, chain intact`);
      else for (const problem of r.problems) console.log(`${r.county}: BROKEN: ${problem}`);
    }
    process.exit(reports.some((r) => r.problems.length) ? 1 : 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

main();
