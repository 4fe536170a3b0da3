import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';

/** The statements of one request that read the case table. */
/** Statements reading cases (not a scope's question whether a visible case is handled by a unit). */
function caseReads(app: TestApp): string[] {
  return app.sql.statements.filter((statement) => /from "case" (as )?\w+/.test(statement.replaceAll('exists (select 1 from "case" gw_r_case', '')));
}

describe('reads only the columns a document asks for (selection.ts)', () => {
  let app: TestApp;
  let city: GraphQLClient;
  let county: GraphQLClient;

  beforeAll(async () => {
    // The resolvers' path (the read compiler builds its own select lists: data/read-compiler.ts).
    app = await startTestApp({ compiledReads: false });
    city = await app.as('cityadmin');
    county = await app.as('feidong');
    // Give the first villages' sources cases, so the nested levels below have rows.
    await app.ownerSql(`
      with v as (select id from grid where level = 'VILLAGE' and county_id = (select id from grid where name = '肥东县') order by code limit 20),
           s as (select id, row_number() over (order by id) - 1 as rn, count(*) over () as n from pollution_source where grid_id in (select id from v))
      update "case" c set source_id = s.id from s where s.rn = c.id % s.n and c.county_id = (select id from grid where name = '肥东县')`);
  });
  afterAll(() => app.close());

  it('leaves out the texts and dates a list does not ask for, and reads them when asked', async () => {
    app.sql.reset();
    const narrow = await city.data<{ cases: { nodes: { number: string }[] } }>(`{ cases(first: 5) { nodes { number status } } }`);
    const [narrowRead] = caseReads(app);
    expect(narrowRead).not.toContain('"description"');
    expect(narrowRead).not.toContain('"complainant_phone"');
    // Ids, enums, numbers and the sort key stay: cursors, field resolvers and CASL conditions read them.
    expect(narrowRead).toContain('"county_id"');
    expect(narrowRead).toContain('"reported_at"');

    app.sql.reset();
    const wide = await city.data<{ cases: { edges: { node: { number: string; description: string } }[] } }>(
      `{ cases(first: 5) { edges { node { ...F } } } } fragment F on Case { number description }`,
    );
    expect(caseReads(app)[0]).toContain('"description"');
    const [first] = wide.cases.edges;
    const [{ description }] = await app.ownerSql<{ description: string }>(`select description from "case" where number = $1`, [first.node.number]);
    expect(first.node.description).toBe(description);
    expect(first.node.number).toBe(narrow.cases.nodes[0].number);
  });

  it('answers a field asked under an alias or in a fragment from the columns it read', async () => {
    const data = await city.data<{ cases: { nodes: { no: string; text: string; at: string }[] } }>(
      `{ cases(first: 3) { nodes { no: number ...F } } } fragment F on Case { text: description at: reportedAt }`,
    );
    const numbers = data.cases.nodes.map((n) => n.no);
    const rows = await app.ownerSql<{ number: string; description: string; reported_at: Date }>(
      `select number, description, reported_at from "case" where number = any($1)`,
      [numbers],
    );
    for (const node of data.cases.nodes) {
      const row = rows.find((r) => r.number === node.no);
      expect(node.text).toBe(row?.description);
      expect(node.at).toBe(row?.reported_at.toISOString());
    }
  });

  it('reads every column when a computed scalar is asked (it may need any of them)', async () => {
    app.sql.reset();
    const data = await county.data<{ cases: { nodes: { availableActions: string[] }[] } }>(`{ cases(first: 25) { nodes { number availableActions } } }`);
    expect(caseReads(app)[0]).toContain('select "c0".* from');
    expect(data.cases.nodes.every((n) => Array.isArray(n.availableActions))).toBe(true);
    // The partner steps of a whole page come from one read of the assignments (a loader), not one per case.
    expect(data.cases.nodes.length).toBeGreaterThan(1);
    expect(app.sql.statements.filter((s) => /from "case_assignment"/.test(s))).toHaveLength(1);
  });

  it('narrows nested pages too, and a case by id', async () => {
    app.sql.reset();
    const data = await county.data<{ grids: { nodes: { sources: { nodes: { cases: { nodes: { number: string; reportedAt: string }[] } }[] } }[] } }>(
      `{ grids(first: 40, filter: { level: VILLAGE }) { nodes { code sources(first: 5) { nodes { name cases(first: 3) { nodes { number reportedAt } } } } } } }`,
    );
    const nestedCases = data.grids.nodes.flatMap((g) => g.sources.nodes.flatMap((s) => s.cases.nodes));
    const numbers = nestedCases.map((c) => c.number);
    expect(numbers.length).toBeGreaterThan(0);
    // Dates are parsed as em.find parses them (the driver hands timestamps over as text).
    const [{ reported_at: reportedAt }] = await app.ownerSql<{ reported_at: Date }>(`select reported_at from "case" where number = $1`, [numbers[0]]);
    expect(nestedCases[0].reportedAt).toBe(reportedAt.toISOString());
    const nested = caseReads(app);
    expect(nested).toHaveLength(1);
    expect(nested[0]).toContain('"number"');
    expect(nested[0]).not.toContain('"description"');

    const [{ id }] = await app.ownerSql<{ id: number }>(`select id from "case" where number = $1`, [numbers[0]]);
    const globalId = Buffer.from(`Case:${id}`).toString('base64url');
    app.sql.reset();
    const one = await county.data<{ case: { number: string; dueAt: string | null } }>(`query($id: ID!) { case(id: $id) { number dueAt } }`, { id: globalId });
    expect(one.case.number).toBe(numbers[0]);
    expect(caseReads(app)[0]).not.toContain('"description"');
  });

  it('checks nested page arguments once per field and still refuses them (the non-null field fails the page)', async () => {
    const result = await county.request<{ grids: { nodes: unknown[] } }>(
      `{ grids(first: 3, filter: { level: VILLAGE }) { nodes { code sources(first: 0) { nodes { name } } } } }`,
    );
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({ path: ['grids', 'nodes', 0, 'sources'], extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const valid = await county.data<{ grids: { nodes: { sources: { nodes: unknown[] } }[] } }>(
      `{ grids(first: 3, filter: { level: VILLAGE }) { nodes { code sources(first: 1) { nodes { name } } } } }`,
    );
    expect(valid.grids.nodes).toHaveLength(3);
  });
});
