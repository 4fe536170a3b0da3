import { startApiProcess, type ApiProcess } from '../../api-process';
import { cloneDatabase, queryAt, TEMPLATE_SEEDED } from '../../databases';
import { loadInput } from '../fixtures';
import { post, signIn } from '../write-load';

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id number } }`;

/**
 * Fault: a client retries a report (same idempotency key) and the retry lands on the other
 * replica while the first is still in flight. Two API processes, one database: one case per
 * key, and both answers name it.
 */
describe('fault: the same idempotency key raced from two API processes', () => {
  let database: { url: string; drop: () => Promise<void> };
  const apis: ApiProcess[] = [];
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryAt<T>(database.url, text, params);

  beforeAll(async () => {
    database = await cloneDatabase(TEMPLATE_SEEDED);
    apis.push(...(await Promise.all([startApiProcess(database.url), startApiProcess(database.url)])));
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.kill()));
    await database?.drop();
  });

  it('makes exactly one case per key, and both answers name it', async () => {
    const [a, b] = apis;
    // The same grid worker signed in on each replica (a phone that switched networks).
    const cookies = [await signIn(a.url, 'gridworker'), await signIn(b.url, 'gridworker')];
    const input = await loadInput(sql);
    const keys = Array.from({ length: 40 }, (_, i) => `race-key-${i}`);
    const answers = await Promise.all(
      keys.map((key) => {
        const variables = { input: { ...input, origin: 'PATROL', description: '故障演练: 重复提交', idempotencyKey: key } };
        return Promise.all([post(a.url, cookies[0], REPORT, variables), post(b.url, cookies[1], REPORT, variables)]);
      }),
    );
    for (const [first, second] of answers) {
      expect([first.code, second.code]).toEqual([null, null]);
      expect(second.data!.reportCase).toEqual(first.data!.reportCase);
    }
    const rows = await sql<{ key: string; cases: number; events: number }>(
      `select c.idempotency_key as key, count(distinct c.id)::int as cases, count(e.id)::int as events
         from "case" c join case_event e on e.case_id = c.id where c.idempotency_key like 'race-%' group by c.idempotency_key`,
    );
    expect(rows).toHaveLength(keys.length);
    expect(rows.filter((r) => r.cases !== 1 || r.events !== 1)).toEqual([]);

    // The key reused for another report, on both at once: refused on both, nothing written.
    const other = { input: { ...input, origin: 'PATROL', description: '故障演练: 同一键, 另一件事', idempotencyKey: keys[0] } };
    const reused = await Promise.all([post(a.url, cookies[0], REPORT, other), post(b.url, cookies[1], REPORT, other)]);
    expect(reused.map((r) => r.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from "case" where idempotency_key like 'race-%'`);
    expect(n).toBe(keys.length);
    console.log(JSON.stringify({ fault: 'idempotency key raced from two processes', keys: keys.length, requests: keys.length * 2, casesMade: n, answersAgreeing: answers.length }));
  });
});
