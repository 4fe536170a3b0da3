import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';

const NESTED = `query($grids: Int!, $sources: Int!, $cases: Int!) {
  grids(first: $grids, filter: { level: VILLAGE }) {
    nodes {
      code parent { name } ancestors { code }
      officers { name } gridWorkers { name grids { code } }
      sources(first: $sources) { nodes { name grid { code } cases(first: $cases) { nodes { number category { name } events(first: 5) { nodes { action } } assignments { lead } evidence { sha256 } alerts { kind } } } } }
      cases(first: $cases) { totalCount nodes { number } }
    }
  }
}`;

describe('nested queries (no N+1)', () => {
  let app: TestApp;
  let city: GraphQLClient;

  beforeAll(async () => {
    app = await startTestApp();
    city = await app.as('cityadmin');
    // The seed links few cases to sources: spread the cases over the sources of the first 50
    // villages so that each level of the document below has rows at both page sizes. A case
    // links only to a source of its own county (shard key, Migration20261210020000_county_key).
    await app.ownerSql(`
      with first_villages as (select id from grid where level = 'VILLAGE' order by code limit 50),
           s as (select id, county_key, row_number() over (partition by county_key order by id) - 1 as rn, count(*) over (partition by county_key) as n
                 from pollution_source where grid_id in (select id from first_villages))
      update "case" c set source_id = s.id from s where s.county_key = c.county_key and s.rn = c.id % s.n`);
  });
  afterAll(() => app.close());

  async function statements(sizes: { grids: number; sources: number; cases: number }): Promise<number> {
    app.sql.reset();
    const data = await city.data<{ grids: { nodes: unknown[] } }>(NESTED, sizes);
    expect(data.grids.nodes).toHaveLength(sizes.grids);
    return app.sql.count;
  }

  it('runs the same bounded number of SQL statements whatever the page sizes', async () => {
    const smaller = await statements({ grids: 50, sources: 10, cases: 5 });
    const larger = await statements({ grids: 100, sources: 20, cases: 10 });
    expect(larger).toBe(smaller);
    // begin, session lookup, scope, commit, plus one statement per list or batched edge of the document (18).
    expect(larger).toBeLessThanOrEqual(4 + 18);
  });

  it('actually returns nested rows at every level (the bound is not from empty lists)', async () => {
    const data = await city.data<{ grids: { nodes: { sources: { nodes: { cases: { nodes: unknown[] } }[] } }[] } }>(NESTED, {
      grids: 50,
      sources: 10,
      cases: 5,
    });
    const sources = data.grids.nodes.flatMap((g) => g.sources.nodes);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.flatMap((s) => s.cases.nodes).length).toBeGreaterThan(0);
  });
});
