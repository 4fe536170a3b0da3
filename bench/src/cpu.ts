import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { readFixture } from './fixture';
import { querySpecs, type Call } from './queries';

/**
 * Diagnosis beside `--serve` (not part of the tables): server CPU and round trips per request,
 * sequential requests, contenders interleaved so that they share the machine's moments.
 * `node -r @swc-node/register src/cpu.ts <owner url> <rounds> name=url,pid,cookieCounty,cookieCity ...`
 */
async function main(): Promise<void> {
  const [ownerUrl, roundsText, queryList, ...specs] = process.argv.slice(2);
  const rounds = Number(roundsText);
  const contenders = specs.map((spec) => {
    const name = spec.slice(0, spec.indexOf('='));
    const rest = spec.slice(spec.indexOf('=') + 1);
    const [url, pid, county, city] = rest.split(',');
    return { name, url, pid: Number(pid), cookies: { county, city, operator: '' } as Record<Call['as'], string> };
  });
  const fixture = await readFixture(ownerUrl);
  const queries = querySpecs(fixture, null).filter((q) => queryList.split(',').includes(q.id));
  const pg = new Client(ownerUrl);
  await pg.connect();
  const ticks = (pid: number): number => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  for (const query of queries) {
    const call = query.calls.gridwatch;
    if (!call) continue;
    const ask = (c: (typeof contenders)[number]) =>
      fetch(`${c.url}${call.path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: c.cookies[call.as] }, body: call.body }).then(async (r) => {
        const text = await r.text();
        if (!r.ok || text.includes('"errors"')) throw new Error(`${c.name} ${query.id}: ${text.slice(0, 300)}`);
        return text;
      });
    const cpu = new Map<string, number>();
    const wall = new Map<string, number>();
    for (const c of contenders) for (let i = 0; i < 20; i++) await ask(c);
    // Interleaved blocks of 10 requests per contender.
    for (let block = 0; block < rounds / 10; block++) {
      for (const c of contenders) {
        const t0 = ticks(c.pid);
        const w0 = performance.now();
        for (let i = 0; i < 10; i++) await ask(c);
        wall.set(c.name, (wall.get(c.name) ?? 0) + performance.now() - w0);
        cpu.set(c.name, (cpu.get(c.name) ?? 0) + (ticks(c.pid) - t0) * 10);
      }
    }
    const statements = new Map<string, number>();
    for (const c of contenders) {
      await pg.query('select pg_stat_statements_reset()');
      for (let i = 0; i < 5; i++) await ask(c);
      const { rows } = await pg.query<{ n: string }>(
        `select coalesce(sum(calls), 0) as n from pg_stat_statements s join pg_roles r on r.oid = s.userid
         where r.rolname like 'gridwatch\\_%' and s.toplevel`,
      );
      statements.set(c.name, Number(rows[0].n) / 5);
    }
    const answers = await Promise.all(contenders.map(ask));
    const same = answers.every((a) => JSON.stringify(query.normalize('gridwatch', JSON.parse(a))) === JSON.stringify(query.normalize('gridwatch', JSON.parse(answers[0]))));
    for (const c of contenders) {
      console.log(
        `${query.id}\t${c.name}\tcpu ${(cpu.get(c.name)! / rounds).toFixed(2)} ms/req\twall ${(wall.get(c.name)! / rounds).toFixed(2)} ms/req\tstatements ${statements.get(c.name)}\t${same ? 'same answers' : 'ANSWERS DIFFER'}`,
      );
    }
  }
  await pg.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
