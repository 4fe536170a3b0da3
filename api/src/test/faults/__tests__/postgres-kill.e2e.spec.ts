import { startApiProcess, type ApiProcess } from '../../api-process';
import { loadInput, readyz, seedDatabase, until } from '../fixtures';
import { startKillablePostgres, type KillablePostgres } from '../killable-postgres';
import { durability, pause, signIn, verifyChainsCli, WriteLoad } from '../write-load';

/**
 * Fault: PostgreSQL dies (SIGKILL of the postmaster, no shutdown checkpoint) in the middle of
 * write load and comes back. What the API acknowledged before is there after, nothing is
 * half-written, the API reconnects by itself, and /readyz says not-ready while the database is down.
 */
describe('fault: PostgreSQL killed under write load', () => {
  let pg: KillablePostgres;
  let api: ApiProcess;
  let subject: WriteLoad | undefined;
  const run = 'pgkill';
  const sql = <T>(text: string, params?: unknown[]) => pg.sql<T>('gridwatch', text, params);

  beforeAll(async () => {
    pg = await startKillablePostgres();
    await pg.sql('postgres', 'create database gridwatch');
    await seedDatabase(pg.url('gridwatch'));
    // As deployed: the scheduler runs too (its worker has to survive the outage as well).
    api = await startApiProcess(pg.url('gridwatch'), { env: { SCHEDULER: 'on' } });
  });
  afterAll(async () => {
    await subject?.stop();
    await api?.kill();
    await pg?.destroy();
  });

  it('keeps every acknowledged write, reconnects by itself, and /readyz tells the truth meanwhile', async () => {
    const load = new WriteLoad(() => api.url, { reporter: await signIn(api.url, 'gridworker'), filer: await signIn(api.url, 'township') }, await loadInput(sql), run);
    subject = load;
    load.start(4);
    await until('writes acknowledged before the fault', async () => load.count >= 20);

    const killedAt = Date.now();
    await pg.kill();
    const seen: number[] = [];
    const downReady = await until('readyz answers 503 while the database is down', async () => seen[seen.push(await readyz(api.url)) - 1] === 503, 10_000).catch((error: Error) => {
      throw new Error(`${error.message}; readyz answered ${seen.join(' ')}; the API printed ${api.output.join('').split('\n').filter((line) => /error|exit|terminat/i.test(line)).slice(0, 12).join('\n')}`);
    });
    await pause(3_000);
    expect(await readyz(api.url)).toBe(503);
    const failuresWhileDown = load.failures.filter((f) => f.code !== null);

    await pg.restart();
    const restartedAt = Date.now();
    const recoveredMs = await until('readyz answers 200 after the restart', async () => (await readyz(api.url)) === 200, 30_000);
    const before = load.count;
    const writesAgainMs = await until('writes acknowledged again', async () => load.acknowledged.some((a) => a.at > restartedAt), 30_000);
    await until('more writes after the restart', async () => load.count >= before + 20, 30_000);
    await load.stop();

    // Nothing acknowledged before the kill is missing, nor anything after it.
    const found = await durability(sql, load, run);
    const beforeKill = await durability(sql, load, run, killedAt);
    expect(found.reportsFound).toBe(found.reportsAcknowledged);
    expect(found.filingsFound).toBe(found.filingsAcknowledged);
    expect(found.halfWritten).toBe(0);
    expect(found.withoutReportEvent).toBe(0);
    const chains = await verifyChainsCli(pg.url('gridwatch'));
    expect(chains.out).not.toMatch(/BROKEN/);
    expect(chains.code).toBe(0);

    // Clean answers while down: a code, no SQL or stack, never a hang.
    const codes = [...new Set(load.failures.map((f) => f.code))];
    const byCode = Object.fromEntries(codes.map((code) => [code, load.failures.filter((f) => f.code === code).length]));
    expect(load.failures.filter((f) => f.code === 'HUNG')).toEqual([]);
    // Every refusal tells the client the database is away (retry with the same idempotency key), on
    // every path (resolvers, compiled reads, opening and committing the unit of work), or the
    // connection itself failed; never a plain internal error.
    const unexpected = api.output.join('').split('\n').filter((line) => /unexpected error|Unexpected error processing|compiled read failed/.test(line)).slice(0, 5);
    expect({ byCode, unexpected: codes.some((code) => code !== 'DATABASE_UNAVAILABLE' && code !== 'NETWORK') ? unexpected : [] }).toEqual({
      byCode: { DATABASE_UNAVAILABLE: expect.any(Number), ...(byCode.NETWORK ? { NETWORK: byCode.NETWORK } : {}) },
      unexpected: [],
    });
    expect(load.failures.filter((f) => f.code === 'DATABASE_UNAVAILABLE' && f.status !== 503)).toEqual([]);
    expect(JSON.stringify(load.failures.map((f) => f.message))).not.toMatch(/select|insert|update|ECONNREFUSED|terminat|\bat \w+ \(/i);
    console.log(
      JSON.stringify({ fault: 'postgres SIGKILL', beforeKill, after: found, failuresWhileDown: failuresWhileDown.length, byCode, readyz503AfterMs: downReady, readyz200AfterRestartMs: recoveredMs, writesAgainAfterRestartMs: writesAgainMs }),
    );
  });
});
