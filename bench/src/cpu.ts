import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { readFixture } from './fixture';
import { querySpecs, type Call, type Kind } from './queries';

/**
 * Diagnosis beside `--serve` (not part of the tables): server CPU and statements per request,
 * sequential requests, contenders interleaved in blocks of 10 so that they share the machine's
 * moments; each contender is asked its own call for the query (an API build, the floor,
 * PostGraphile). V8 keeps optimising for thousands of requests: compare processes that have
 * served about as many (`--warmup`).
 *
 * `node -r @swc-node/register src/cpu.ts <owner url> <rounds> <Q1,Q2a,…> [--warmup N] name=kind,url,pid,county,city …`
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

function parseArgs(argv: string[]): { ownerUrl: string; rounds: number; queries: string[]; warmup: number; contenders: Measured[] } {
  const [ownerUrl, roundsText, queryList, ...rest] = argv;
  const warmupAt = rest.indexOf('--warmup');
  const warmup = warmupAt >= 0 ? Number(rest.splice(warmupAt, 2)[1]) : 200;
  const contenders = rest.map((spec) => {
    const name = spec.slice(0, spec.indexOf('='));
    const [kind, url, pid, county, city] = spec.slice(spec.indexOf('=') + 1).split(',');
    return { name, kind: kind as Kind, url, pid: Number(pid), identity: { county, city } };
  });
  return { ownerUrl, rounds: Number(roundsText), queries: queryList.split(','), warmup, contenders };
}

/** User + system CPU of a process (all its threads), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const { ownerUrl, rounds, queries, warmup, contenders } = parseArgs(process.argv.slice(2));
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
    for (let block = 0; block < rounds / 10; block++) {
      for (const c of asked) {
        const [t0, w0] = [cpuMs(c.pid), performance.now()];
        for (let i = 0; i < 10; i++) await ask(c);
        wall.set(c.name, (wall.get(c.name) ?? 0) + performance.now() - w0);
        cpu.set(c.name, (cpu.get(c.name) ?? 0) + cpuMs(c.pid) - t0);
      }
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
      console.log(`${query.id}\t${c.name}\tcpu ${ms.toFixed(2)} ms/req\twall ${w.toFixed(2)} ms/req\tstatements ${statements.get(c.name)}\t${same ? 'same answers' : 'ANSWERS DIFFER'}`);
    }
  }
  await pg.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
