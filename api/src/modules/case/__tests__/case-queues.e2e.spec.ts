import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const OPEN = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'FED_BACK', 'PARKED'];
const BELOW = `query($unit: ID!, $status: [CaseStatus!]) { cases(first: 50, filter: { handledBelowId: $unit, status: $status }) { totalCount nodes { handlingUnit { id name level } } } }`;

/** A county's queue of what waits at its townships (issue 21: 本单位待办 was 0 while 43 cases sat below). */
describe('cases: the queue of cases handled below a unit', () => {
  let app: TestApp;
  let county: GraphQLClient;
  let countyUnit: { id: string; pk: number };

  beforeAll(async () => {
    app = await startTestApp();
    county = await app.as('feidong');
    const { me } = await county.data<{ me: { unit: { id: string } } }>(`{ me { unit { id } } }`);
    const [row] = await app.ownerSql<{ id: number }>(`select id from grid where level = 'COUNTY' and code like '340122%'`);
    countyUnit = { id: me.unit.id, pk: row.id };
  });
  afterAll(() => app.close());

  it('lists the open cases whose handling unit is under the county, as the database counts them', async () => {
    const [{ n }] = await app.ownerSql<{ n: number }>(
      `select count(*)::int as n from "case" c join grid h on h.id = c.handling_unit_id
        where h.county_id = $1 and h.id <> $1 and c.status::text = any($2::text[])`,
      [countyUnit.pk, OPEN],
    );
    expect(n).toBeGreaterThan(0);
    const found = (await county.data<{ cases: { totalCount: number; nodes: { handlingUnit: { id: string; level: string } }[] } }>(BELOW, { unit: countyUnit.id, status: OPEN })).cases;
    expect(found.totalCount).toBe(n);
    for (const c of found.nodes) {
      expect(c.handlingUnit.id).not.toBe(countyUnit.id);
      expect(['TOWNSHIP', 'VILLAGE']).toContain(c.handlingUnit.level);
    }
  });

  it('a case names its county and handling unit, for the city list, on every read path', async () => {
    const city = await app.as('cityadmin');
    const [sample] = await app.ownerSql<{ number: string; county: string; handler: string }>(
      `select c.number, k.name as county, h.name as handler from "case" c join grid k on k.id = c.county_id join grid h on h.id = c.handling_unit_id order by c.id limit 1`,
    );
    const read = `query($n: String!) { cases(first: 1, filter: { number: $n }) { nodes { id number county { name } handlingUnit { name } } } }`;
    const [listed] = (await city.data<{ cases: { nodes: { id: string; county: { name: string }; handlingUnit: { name: string } }[] } }>(read, { n: sample.number })).cases.nodes;
    expect(listed.county.name).toBe(sample.county);
    expect(listed.handlingUnit.name).toBe(sample.handler);
    const one = await city.data<{ case: { county: { name: string } } }>(`query($id: ID!) { case(id: $id) { county { name } } }`, { id: listed.id });
    expect(one.case.county.name).toBe(sample.county);
  });

  it('a township cannot look under a unit it cannot see', async () => {
    const township = await app.as('township');
    const answer = await township.request(BELOW, { unit: countyUnit.id, status: OPEN });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
