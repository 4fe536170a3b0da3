import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { readFixture } from './fixture';
import { querySpecs, type Call, type Kind } from './queries';

/**
 * Diagnosis beside `--serve` (not part of the tables): server CPU and statements per request,
 * sequential requests, contenders interleaved in blocks of `--block N` requests (default 10)
 * so that they share the machine's moments, the first contender of each round rotating (who
 * goes first in a round ran 10–30 % dearer in one order than another); each contender is
 * asked its own call for the query (an API build, the floor, PostGraphile). V8 keeps
 * optimising for thousands of requests: compare processes that have served about as many
 * (`--warmup`). With `--baseline name`, each contender's CPU is also given as a ratio to that
 * one's, per round, with the mean and its 95 % interval (normal approximation).
 *
 * `node -r @swc-node/register src/cpu.ts <owner url> <rounds> <Q1,Q2a,…> [--warmup N] [--block N] [--baseline name] name=kind,url,pid,county,city …`
 * where county/city are the session cookies (`gw_session=…`) for gridwatch and the `x-gw-unit`
 * values (`COUNTY:7`, `CITY:1`) for the floor and PostGraphile, as `--serve` prints them.
 */
interface Measured {
  name: string;
  kind: Kind;
  url: string;
  pid: number;
  identity: Record<'county' | 'city', string>;
}

interface Args {
  ownerUrl: string;
  rounds: number;
  queries: string[];
  warmup: number;
  block: number;
  baseline: string | null;
  contenders: Measured[];
}

function parseArgs(argv: string[]): Args {
  const [ownerUrl, roundsText, queryList, ...rest] = argv;
  const option = (name: string): string | null => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? rest.splice(at, 2)[1] : null;
  };
  const warmup = Number(option('warmup') ?? 200);
  const block = Number(option('block') ?? 10);
  const baseline = option('baseline');
  const contenders = rest.map((spec) => {
    const name = spec.slice(0, spec.indexOf('='));
    const [kind, url, pid, county, city] = spec.slice(spec.indexOf('=') + 1).split(',');
    return { name, kind: kind as Kind, url, pid: Number(pid), identity: { county, city } };
  });
  return { ownerUrl, rounds: Number(roundsText), queries: queryList.split(','), warmup, block, baseline, contenders };
}

/** User + system CPU of a process (all its threads), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const { ownerUrl, rounds, queries, warmup, block, baseline, contenders } = parseArgs(process.argv.slice(2));
  const specs = querySpecs(await readFixture(ownerUrl), null).filter((q) => queries.includes(q.id));
  const pg = new Client(ownerUrl);
  await pg.connect();
  for (const query of specs) {
    const ask = async (c: Measured): Promise<string> => {
      const call = query.calls[c.kind] as Call;
      const as = call.as === 'city' ? 'city' : 'county';
      const headers = { 'content-type': 'application/json', ...(c.kind === 'gridwatch' ? { cookie: c.identity[as] } : { 'x-gw-unit': c.identity[as] }) };
      const response = await fetch(`${c.url}${call.path}`, { method: call.method, headers, body: call.body });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(`${c.name} ${query.id}: ${text.slice(0, 300)}`);
      return JSON.stringify(query.normalize(c.kind, JSON.parse(text)));
    };
    const asked = contenders.filter((c) => query.calls[c.kind] && !query.writes);
    for (const c of asked) for (let i = 0; i < warmup; i++) await ask(c);
    const cpu = new Map<string, number>();
    const wall = new Map<string, number>();
    // Per round: each contender's CPU for its block, to give ratios an interval.
    const perRound: Map<string, number>[] = [];
    for (let round = 0; round < rounds / block; round++) {
      const spent = new Map<string, number>();
      for (let k = 0; k < asked.length; k++) {
        const c = asked[(round + k) % asked.length];
        const [t0, w0] = [cpuMs(c.pid), performance.now()];
        for (let i = 0; i < block; i++) await ask(c);
        spent.set(c.name, cpuMs(c.pid) - t0);
        wall.set(c.name, (wall.get(c.name) ?? 0) + performance.now() - w0);
        cpu.set(c.name, (cpu.get(c.name) ?? 0) + (spent.get(c.name) ?? 0));
      }
      perRound.push(spent);
    }
    const statements = new Map<string, number>();
    for (const c of asked) {
      await pg.query('select pg_stat_statements_reset()');
      for (let i = 0; i < 5; i++) await ask(c);
      const { rows } = await pg.query<{ n: string }>(
        `select coalesce(sum(calls), 0) as n from pg_stat_statements s join pg_roles r on r.oid = s.userid
         where (r.rolname like 'gridwatch\\_%' or r.rolname = current_user) and s.toplevel and s.query !~* 'pg_stat_statements'`,
      );
      statements.set(c.name, Number(rows[0].n) / 5);
    }
    const answers = await Promise.all(asked.map(ask));
    const same = answers.every((answer) => answer === answers[0]);
    for (const c of asked) {
      const [ms, w] = [(cpu.get(c.name) ?? 0) / rounds, (wall.get(c.name) ?? 0) / rounds];
      const against = baseline && baseline !== c.name ? `\t${ratioInterval(perRound, c.name, baseline)}` : '';
      console.log(`${query.id}\t${c.name}\tcpu ${ms.toFixed(2)} ms/req\twall ${w.toFixed(2)} ms/req\tstatements ${statements.get(c.name)}\t${same ? 'same answers' : 'ANSWERS DIFFER'}${against}`);
    }
  }
  await pg.end();
}

/** Mean of the per-round CPU ratios `name ÷ baseline`, with its 95 % interval. */
function ratioInterval(rounds: Map<string, number>[], name: string, baseline: string): string {
  const ratios = rounds.filter((r) => (r.get(baseline) ?? 0) > 0).map((r) => (r.get(name) ?? 0) / (r.get(baseline) as number));
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, ratios.length - 1));
  const half = (1.96 * sd) / Math.sqrt(ratios.length);
  return `÷ ${baseline} ${mean.toFixed(3)} ± ${half.toFixed(3)} (95 %, ${ratios.length} rounds)`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
