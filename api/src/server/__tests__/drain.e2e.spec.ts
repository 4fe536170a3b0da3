import http from 'node:http';
import { startApiProcess, type ApiProcess } from '../../test/api-process';
import { cloneDatabase, TEMPLATE_SEEDED } from '../../test/databases';

const QUERY = JSON.stringify({ query: '{ publicStats: __typename }' });

/** A POST whose body arrives in two parts: in flight from its first byte until its last. */
function slowPost(port: number): { finish(): void; answer: Promise<{ status: number; body: string }> } {
  const request = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY) } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
  });
  request.write(QUERY.slice(0, 10));
  return { finish: () => request.end(QUERY.slice(10)), answer };
}

const refused = (url: string) => fetch(`${url}/healthz`).then(() => false, () => true);

/**
 * SIGTERM drains a replica (what HAProxy and a rolling restart rely on): it stops accepting at
 * once, answers the request already in flight, closes its pools and exits 0.
 */
describe('graceful drain on SIGTERM', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await cloneDatabase(TEMPLATE_SEEDED);
    api = await startApiProcess(database.url);
  });

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('stops accepting, finishes what is in flight, and exits 0', async () => {
    const inFlight = slowPost(api.port);
    // The request has reached the server (its headers are read) before the signal.
    await new Promise((resolve) => setTimeout(resolve, 300));
    void api.kill('SIGTERM');
    for (let waited = 0; !(await refused(api.url)); waited += 50) {
      if (waited > 10_000) throw new Error('still accepting 10 s after SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Closed to newcomers, and still running: the in-flight request holds it open.
    let exitedEarly = false;
    void api.exited.then(() => (exitedEarly = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(exitedEarly).toBe(false);

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { publicStats: 'Query' } });
    await expect(api.exited).resolves.toBe(0);
  });
});
