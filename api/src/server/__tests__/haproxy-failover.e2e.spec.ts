import { startApiProcess, type ApiProcess } from '../../test/api-process';
import { cloneDatabase, TEMPLATE_SEEDED } from '../../test/databases';
import { startHaProxy, type HaProxy } from '../../test/haproxy';
import { GraphQLClient } from '../../test/test-app';

const READ = '{ grids(first: 20) { nodes { code } } }';
const CONCURRENCY = 4;
const TRIES = 3;

interface Tally {
  answered: { at: number; by: string }[];
  /** Attempts that failed (a request in flight on a killed replica) and were tried again. */
  retried: number;
  /** Requests that failed every try, or answered something other than the county's grids. */
  failed: string[];
}

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request as a client would send it: tried again when the connection fails or the proxy answers 5xx. */
async function request(url: string, cookie: string, expected: unknown, tally: Tally): Promise<void> {
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    const outcome = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: READ }) }).then(
      async (response) => ({ status: response.status, body: await response.text(), by: response.headers.get('x-served-by') ?? '?' }),
      (error: Error) => ({ status: 0, body: error.message, by: '' }),
    );
    if (outcome.status === 200) {
      // Compared as text: fetch's objects come from another realm than the test's (jest), which a deep equality of prototypes refuses.
      if (JSON.stringify(parsed(outcome.body)) === JSON.stringify(expected)) tally.answered.push({ at: Date.now(), by: outcome.by });
      else tally.failed.push(`wrong answer: ${outcome.body.slice(0, 200)}`);
      return;
    }
    if (outcome.status !== 0 && outcome.status < 500) {
      tally.failed.push(`${outcome.status}: ${outcome.body.slice(0, 200)}`);
      return;
    }
    if (attempt === TRIES) tally.failed.push(`${outcome.status}: ${outcome.body.slice(0, 200)}`);
    else tally.retried += 1;
    await pause(100);
  }
}

/**
 * Two API replicas behind HAProxy (deploy/haproxy.cfg.template), health-checked on /readyz: a
 * load generator keeps being answered while one replica is killed (SIGKILL) and restarted, then
 * the other drained (SIGTERM) and restarted. Only requests in flight on the killed replica may
 * fail, and the client's retry answers them; the session cookie works on either replica.
 */
describe('HAProxy in front of two API replicas', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  const replicas: ApiProcess[] = [];
  let proxy: HaProxy;

  beforeAll(async () => {
    database = await cloneDatabase(TEMPLATE_SEEDED);
    replicas.push(await startApiProcess(database.url), await startApiProcess(database.url));
    proxy = await startHaProxy(replicas.map((replica) => replica.port));
  });

  afterAll(async () => {
    await proxy?.stop();
    for (const replica of replicas) await replica.stop();
    await database?.drop();
  });

  it('keeps answering while a replica is killed and restarted', async () => {
    const client = await new GraphQLClient(proxy.url).signIn('feidong');
    const cookie = client.cookie as string;
    const expected = { data: await client.data(READ) };
    const tally: Tally = { answered: [], retried: 0, failed: [] };
    let running = true;
    const load = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (running) {
          await request(proxy.url, cookie, expected, tally);
          await pause(20);
        }
      }),
    );
    const answeredBy = async (server: string, since: number) => {
      for (let waited = 0; !tally.answered.some((answer) => answer.by === server && answer.at > since); waited += 100) {
        if (waited > 30_000) {
          const recent = tally.answered.filter((answer) => answer.at > since).map((answer) => answer.by);
          throw new Error(`${server} answered nothing within 30 s of its restart (${recent.length} answers since, by ${[...new Set(recent)].join(', ')}; failed: ${tally.failed.slice(-3).join(' | ')})`);
        }
        await pause(100);
      }
    };

    try {
      await answeredBy('api1', 0);
      await answeredBy('api2', 0);
      // A crash: whatever api1 had in flight fails and is retried.
      void replicas[0].kill('SIGKILL');
      await replicas[0].exited;
      replicas[0] = await startApiProcess(database.url, { port: replicas[0].port });
      await answeredBy('api1', Date.now());
      // A rolling restart: api2 drains and exits 0.
      void replicas[1].kill('SIGTERM');
      await expect(replicas[1].exited).resolves.toBe(0);
      replicas[1] = await startApiProcess(database.url, { port: replicas[1].port });
      await answeredBy('api2', Date.now());
    } finally {
      running = false;
      await load;
    }

    expect(tally.failed).toEqual([]);
    // Retried: at most what was in flight on the crashed replica, once each.
    expect(tally.retried).toBeLessThanOrEqual(CONCURRENCY);
    expect(tally.answered.length).toBeGreaterThan(50);
  });
});
