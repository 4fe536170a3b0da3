import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';

const QUERY = `{ me { unit { code } } cases(first: 100) { totalCount nodes { number grid { code } } } grids(first: 1) { totalCount } }`;

interface Result {
  me: { unit: { code: string } };
  cases: { totalCount: number; nodes: { number: string; grid: { code: string } | null }[] };
  grids: { totalCount: number };
}

describe('two counties interleaved on a pool of 2 connections', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ poolSize: 2 });
  });
  afterAll(() => app.close());

  it('never see each other’s rows (the unit is transaction-local, never left on a pooled connection)', async () => {
    const clients: [GraphQLClient, string][] = [
      [await app.as('feidong'), '340122'],
      [await app.as('yaohai'), '340102'],
    ];
    const baseline = await Promise.all(clients.map(([client]) => client.data<Result>(QUERY)));
    const requests = Array.from({ length: 60 }, (_, i) => clients[i % 2]);
    const results = await Promise.all(requests.map(([client, prefix]) => client.data<Result>(QUERY).then((data) => ({ data, prefix }))));
    for (const { data, prefix } of results) {
      expect(data.me.unit.code.startsWith(prefix)).toBe(true);
      expect(data.cases.nodes.every((c) => c.number.startsWith(`${prefix}-`) && c.grid?.code.startsWith(prefix))).toBe(true);
      const own = baseline[prefix === '340122' ? 0 : 1];
      expect(data.cases.totalCount).toBe(own.cases.totalCount);
      expect(data.grids.totalCount).toBe(own.grids.totalCount);
    }
  });
});
