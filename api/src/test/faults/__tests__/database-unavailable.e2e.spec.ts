import { toGlobalId } from '../../../common/global-id';
import { startApiProcess, type ApiProcess } from '../../api-process';
import { loadInput, readyz, seedDatabase, until } from '../fixtures';
import { startKillablePostgres, type KillablePostgres } from '../killable-postgres';
import { post, signIn } from '../write-load';

/**
 * Every way a request meets the database, with the database gone (its postmaster SIGKILLed, not
 * restarted): each answers 503 DATABASE_UNAVAILABLE, never a bare internal error. Apollo masks a
 * plugin hook's throw (opening or finishing the unit of work, a compiled read), so those paths
 * answered INTERNAL_SERVER_ERROR.
 */
describe('fault: the database is unreachable', () => {
  let pg: KillablePostgres;
  let api: ApiProcess;
  /** A replica as deployed with the job queue: its worker holds connections too. */
  let scheduled: ApiProcess;
  let cookie: string;
  let input: { gridId: string; categoryId: string };
  let apiKey: string;
  let lostAtCommit: Awaited<ReturnType<typeof post>>;
  let keptAfterLoss: number;
  const READ = `query { cases(first: 5) { nodes { id status } } }`;
  const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id } }`;

  beforeAll(async () => {
    pg = await startKillablePostgres();
    await pg.sql('postgres', 'create database gridwatch');
    await seedDatabase(pg.url('gridwatch'));
    api = await startApiProcess(pg.url('gridwatch'));
    scheduled = await startApiProcess(pg.url('gridwatch'), { env: { SCHEDULER: 'on' } });
    cookie = await signIn(api.url, 'gridworker');
    const sql = <T>(text: string, params?: unknown[]) => pg.sql<T>('gridwatch', text, params);
    input = await loadInput(sql);
    const [county] = await sql<{ id: number }>(`select id from grid where code = '340122000000'`);
    const created = await post(api.url, await signIn(api.url, 'feidong'), `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
      input: { name: '12345 热线', unitId: toGlobalId('Grid', Number(county.id)), scopes: ['CREATE_COMPLAINTS', 'READ_CASES'] },
    });
    apiKey = (created.data as unknown as { createApiKey: { key: string } }).createApiKey.key;
    // Answered compiled twice: the document is known and the caller kept, so the next goes the fast path (fast-reads.ts).
    for (let i = 0; i < 2; i += 1) expect((await post(api.url, cookie, READ, {})).ok).toBe(true);
    // The connection dies during COMMIT: a deferred trigger (run at COMMIT, as the superuser) ends its own backend.
    await sql(`create function gw_fault_drop_at_commit() returns trigger language plpgsql security definer as $$
      begin if new.description = '提交时断开' then perform pg_terminate_backend(pg_backend_pid()); end if; return null; end $$`);
    await sql(`create constraint trigger gw_fault_drop_at_commit after insert on "case" deferrable initially deferred
      for each row execute function gw_fault_drop_at_commit()`);
    lostAtCommit = await post(api.url, cookie, REPORT, { input: { ...input, origin: 'PATROL', description: '提交时断开', idempotencyKey: 'lost-at-commit' } });
    [{ n: keptAfterLoss }] = await sql<{ n: number }>(`select count(*)::int as n from "case" where idempotency_key = 'lost-at-commit'`);
    await pg.kill();
    await until('readyz answers 503', async () => (await readyz(api.url)) === 503, 10_000);
  });
  afterAll(async () => {
    await api?.kill();
    await scheduled?.kill();
    await pg?.destroy();
  });

  const cases: [string, () => Promise<{ status: number | null; code: string | null; message: string | null }>][] = [
    ['a compiled read of a kept caller (the fast path)', () => post(api.url, cookie, READ, {})],
    ['a read the resolvers answer', () => post(api.url, cookie, `query { me { __typename } }`, {})],
    ['a mutation', () => post(api.url, cookie, REPORT, { input: { ...input, origin: 'PATROL', description: '数据库不可用演练', idempotencyKey: 'unavailable-1' } })],
    ['a session not kept in memory (its lookup opens the unit)', () => post(api.url, 'gw_session=not-a-kept-session', READ, {})],
    ['signing in', () => post(api.url, null, `mutation { signIn(login: "gridworker", password: "x") { role } }`, {})],
  ];

  it.each(cases)('%s answers 503 DATABASE_UNAVAILABLE', async (_name, request) => {
    const answer = await request();
    expect({ status: answer.status, code: answer.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(answer.message).not.toMatch(/select|insert|ECONNREFUSED|terminat|\bat \w+ \(/i);
  });

  it('a REST route answers 503 DATABASE_UNAVAILABLE', async () => {
    const response = await fetch(`${api.url}/export/cases.csv`, { headers: { cookie } });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 503,
      body: { error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/cannot be reached/) } },
    });
  });

  it('an Open311 request answers 503 DATABASE_UNAVAILABLE', async () => {
    const response = await fetch(`${api.url}/open311/v2/services.json?api_key=${apiKey}`);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 503,
      body: [{ code: 'DATABASE_UNAVAILABLE', description: expect.stringMatching(/cannot be reached/) }],
    });
  });

  it('a connection lost during COMMIT is not told success: 503 DATABASE_UNAVAILABLE, saying the change may or may not be saved', () => {
    expect({ status: lostAtCommit.status, code: lostAtCommit.code, data: lostAtCommit.data }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', data: null });
    expect(lostAtCommit.message).toMatch(/may or may not have been saved.*same idempotency key/);
    // Here PostgreSQL had not committed (the backend ended inside COMMIT); the retry with the key is safe either way.
    expect(keptAfterLoss).toBe(0);
  });

  it.each([
    ['without', () => api],
    ['with', () => scheduled],
  ])('SIGTERM still stops the API %s the job queue (drained, exit 0) while the database is gone', async (_name, which) => {
    const stopping = which();
    const started = performance.now();
    await stopping.stop();
    expect({ code: await stopping.exited, stoppedWithinSeconds: (performance.now() - started) / 1000 < 20 }).toEqual({ code: 0, stoppedWithinSeconds: true });
  }, 90_000);
});
