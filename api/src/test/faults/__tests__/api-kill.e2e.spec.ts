import { startApiProcess, type ApiProcess } from '../../api-process';
import { cloneDatabase, queryAt, TEMPLATE_SEEDED } from '../../databases';
import { loadInput, until } from '../fixtures';
import { durability, signIn, verifyChainsCli, WriteLoad } from '../write-load';

/**
 * Fault: the API process dies (SIGKILL) under write load and is started again: what it
 * acknowledged is kept, nothing is half-written, the hash chains verify.
 */
describe('fault: the API process killed under write load', () => {
  let database: { url: string; drop: () => Promise<void> };
  let api: ApiProcess | undefined;
  let load: WriteLoad | undefined;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryAt<T>(database.url, text, params);

  beforeAll(async () => {
    database = await cloneDatabase(TEMPLATE_SEEDED);
  });
  afterAll(async () => {
    await load?.stop();
    await api?.kill();
    await database?.drop();
  });

  it('under write load: every acknowledged write is there after the restart, none half-written', async () => {
    const run = 'apikill';
    api = await startApiProcess(database.url);
    const port = api.port;
    load = new WriteLoad(() => api!.url, { reporter: await signIn(api.url, 'gridworker'), filer: await signIn(api.url, 'township') }, await loadInput(sql), run);
    load.start(4);
    await until('writes acknowledged before the fault', async () => load!.count >= 20);
    const killedAt = Date.now();
    await api.kill();
    const atKill = load.count;
    const restarted = performance.now();
    api = await startApiProcess(database.url, { port });
    const readyMs = Math.round(performance.now() - restarted);
    await until('writes acknowledged after the restart', async () => load!.count >= atKill + 30);
    await load.stop();

    const before = await durability(sql, load, run, killedAt);
    const after = await durability(sql, load, run);
    expect(after.reportsFound).toBe(after.reportsAcknowledged);
    expect(after.filingsFound).toBe(after.filingsAcknowledged);
    expect(after.halfWritten).toBe(0);
    expect(after.withoutReportEvent).toBe(0);
    expect(load.failures.filter((f) => f.code === 'HUNG')).toEqual([]);
    const chains = await verifyChainsCli(database.url);
    expect(chains.out).not.toMatch(/BROKEN/);
    expect(chains.code).toBe(0);
    console.log(JSON.stringify({ fault: 'API SIGKILL under load', beforeKill: before, after, failuresAroundKill: load.failures.length, codes: [...new Set(load.failures.map((f) => f.code))], readyAfterRestartMs: readyMs }));
    await api.stop();
    api = undefined;
  });

});
