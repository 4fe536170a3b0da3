import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const SEARCH = `query($search: String!) { cases(first: 50, filter: { search: $search }) { totalCount nodes { number description address } } }`;
interface Found {
  cases: { totalCount: number; nodes: { number: string; description: string; address: string | null }[] };
}

/** The cases list's search box: part of a number, a word of the description or the address (issue 21). */
describe('cases: search', () => {
  let app: TestApp;
  let county: GraphQLClient;
  let city: GraphQLClient;
  const find = async (as: GraphQLClient, search: string) => (await as.data<Found>(SEARCH, { search })).cases;

  beforeAll(async () => {
    app = await startTestApp();
    county = await app.as('feidong');
    city = await app.as('cityadmin');
  });
  afterAll(() => app.close());

  it('finds a case by part of its number, a word of its description or of its address', async () => {
    const [sample] = await app.ownerSql<{ number: string; description: string; address: string; county_id: number }>(
      `select number, description, address, county_id from "case" where number like '340122-%' and address is not null order by id limit 1`,
    );
    /** What the county may find: its own cases whose number, description or address contains the text. */
    const expected = async (text: string) =>
      (
        await app.ownerSql<{ n: number }>(
          `select count(*)::int as n from "case" where county_id = $1 and (strpos(number, $2) > 0 or strpos(description, $2) > 0 or strpos(coalesce(address, ''), $2) > 0)`,
          [sample.county_id, text],
        )
      )[0].n;
    const day = sample.number.split('-')[1];
    const word = [...sample.description].slice(0, 2).join('');
    const place = [...sample.address].slice(-4).join('');
    for (const text of [day, word, place, sample.number]) {
      const found = await find(county, text);
      expect(found.totalCount).toBeGreaterThan(0);
      expect(found.totalCount).toBe(await expected(text));
      for (const c of found.nodes) expect(`${c.number} ${c.description} ${c.address ?? ''}`).toContain(text);
    }
    expect((await find(county, sample.number)).nodes.map((c) => c.number)).toEqual([sample.number]);
  });

  it('searches only within what the user may read, and takes % and _ literally', async () => {
    const [elsewhere] = await app.ownerSql<{ number: string }>(`select number from "case" where number not like '340122-%' order by id limit 1`);
    expect((await find(county, elsewhere.number)).totalCount).toBe(0);
    expect((await find(city, elsewhere.number)).totalCount).toBe(1);
    expect((await find(county, '%')).totalCount).toBe(0);
    expect((await find(county, '_')).totalCount).toBe(0);
  });

  it('refuses an over-long search with BAD_USER_INPUT', async () => {
    const answer = await county.request(SEARCH, { search: 'x'.repeat(101) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
