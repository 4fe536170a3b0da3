import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';

interface Page {
  grids: { totalCount: number; nodes: { code: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null } };
}
const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $filter: GridFilter) {
  grids(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: CODE_ASC) {
    totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
  }
}`;

describe('keyset pagination', () => {
  let app: TestApp;
  let city: GraphQLClient;

  beforeAll(async () => {
    app = await startTestApp();
    city = await app.as('cityadmin');
  });
  afterAll(() => app.close());

  it('walks every grid forwards with no duplicate and no gap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: Page = await city.data<Page>(PAGE, { first: 100, after });
      total = page.grids.totalCount;
      seen.push(...page.grids.nodes.map((n) => n.code));
      if (!page.grids.pageInfo.hasNextPage) break;
      after = page.grids.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });

  it('walks backwards with last/before to the same order', async () => {
    const first = await city.data<Page>(PAGE, { first: 30, filter: { level: 'COUNTY' } });
    const back = await city.data<Page>(PAGE, { last: 5, before: first.grids.pageInfo.endCursor, filter: { level: 'COUNTY' } });
    expect(back.grids.nodes.map((n) => n.code)).toEqual(first.grids.nodes.slice(-6, -1).map((n) => n.code));
    expect(back.grids.pageInfo.hasPreviousPage).toBe(true);
  });

  it('is stable under inserts: a page after a cursor neither repeats nor skips rows', async () => {
    const feidong = await city.data<{ gridByCode: { id: string } }>(`{ gridByCode(code: "340122000000") { id } }`);
    const filter = { level: 'TOWNSHIP', withinId: feidong.gridByCode.id };
    const before = await city.data<Page>(PAGE, { first: 100, filter });
    const page1 = await city.data<Page>(PAGE, { first: 5, filter });
    // A new township whose code sorts before everything already read.
    await city.data(`mutation($p: ID!) { createGrid(input: { parentId: $p, code: "340122001000", name: "插入镇" }) { id } }`, {
      p: feidong.gridByCode.id,
    });
    const page2 = await city.data<Page>(PAGE, { first: 5, after: page1.grids.pageInfo.endCursor, filter });
    expect(page2.grids.nodes.map((n) => n.code)).toEqual(before.grids.nodes.slice(5, 10).map((n) => n.code));
    const after = await city.data<Page>(PAGE, { first: 100, filter });
    expect(after.grids.totalCount).toBe(before.grids.totalCount + 1);
  });

  it.each([
    [{}, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 0 }, 'first'],
    [{ first: 5, last: 5 }, 'first'],
    [{ first: 5, after: 'not-a-cursor' }, 'after'],
  ])('rejects %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const result = await city.request(PAGE, variables);
    expect(result.data?.grids ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('orders cases by deadline across pages (cases without a deadline are left out, never an error)', async () => {
    await app.ownerSql(`update "case" set due_at = reported_at + interval '1 day' where id % 3 = 0`);
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from "case" where due_at is not null`);
    const query = `query($after: String) { cases(first: 40, after: $after, orderBy: DUE_ASC) { totalCount nodes { number dueAt } pageInfo { endCursor hasNextPage } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { cases: { totalCount: number; nodes: { dueAt: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } = await city.data(query, { after });
      seen.push(...page.cases.nodes.map((c) => c.dueAt));
      expect(page.cases.totalCount).toBe(n);
      if (!page.cases.pageInfo.hasNextPage) break;
      after = page.cases.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(n);
    expect(seen).toEqual([...seen].sort());
  });
});
