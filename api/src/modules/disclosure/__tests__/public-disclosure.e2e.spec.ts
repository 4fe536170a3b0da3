import { Client } from 'pg';
import { enableAppRole } from '../../../db/app-role';
import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../../test/test-app';

const PUBLIC_CASES = `query($after: String) { publicCases(first: 100, after: $after) {
  nodes { number categoryCode category countyCode county township reportedOn closedOn onTime description handlingUnit } endCursor hasMore } }`;
type PublicCase = { number: string | null; categoryCode: string; county: string | null; township: string | null; onTime: boolean | null; description: string | null; handlingUnit: string | null };
type Page = { publicCases: { nodes: PublicCase[]; endCursor: string | null; hasMore: boolean } };
const RATES = `{ publicOnTimeRates { countyCode county closed withDeadline onTime rate } }`;
type Rates = { publicOnTimeRates: { countyCode: string; closed: number; withDeadline: number; onTime: number; rate: number | null }[] };
const SET = `mutation($input: SetDisclosureSettingInput!) { setDisclosureSetting(input: $input) { fields publishedFrom } }`;

// The complainant planted on a published case: none of it may ever reach the public.
const NAME = '王秀英';
const PHONE = '13912345678';
const ADDRESS = '长临河镇解放路88号3栋';

describe('public disclosure (公开): anonymous, redacted, rate-limited, what the city published only', () => {
  let app: TestApp;
  let dust: string;
  let plantedId: number;
  let addresses = 0;
  /** An anonymous caller behind the (trusted, loopback) proxy: each test its own address, so budgets do not mix. */
  const anonymous = async <T>(query: string, ip: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>), status: response.status, headers: response.headers };
  };
  const freshIp = () => `203.0.113.${++addresses}`;
  const allPublic = async (ip: string): Promise<{ nodes: PublicCase[]; raw: string }> => {
    const nodes: PublicCase[] = [];
    let raw = '';
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<Page> = await anonymous<Page>(PUBLIC_CASES, ip, { after });
      if (!page.data) throw new Error(JSON.stringify(page.errors));
      raw += JSON.stringify(page.data);
      nodes.push(...page.data.publicCases.nodes);
      if (!page.data.publicCases.hasMore) return { nodes, raw };
      after = page.data.publicCases.endCursor;
    }
  };
  const publishedCount = async (codes: string[]) =>
    (
      await app.ownerSql<{ n: number }>(
        `select count(*)::int as n from "case" c join case_category k on k.id = c.category_id
         where c.status = 'CLOSED' and k.code = any($1) and c.reported_at >= '2026-01-01T00:00:00+08:00'`,
        [codes],
      )
    )[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    const [category] = await app.ownerSql<{ id: number }>(`select id from case_category where code = 'DUST'`);
    dust = toGlobalId('CaseCategory', category.id);
    const [planted] = await app.ownerSql<{ id: number }>(
      `update "case" set complainant_name = $1, complainant_phone = $2, address = $3, description = $4, lng = 117.4567891, lat = 31.7654321
       where id = (select c.id from "case" c join case_category k on k.id = c.category_id
                   where k.code = 'DUST' and c.status = 'CLOSED' and c.reported_at >= '2026-01-01T00:00:00+08:00' order by c.id limit 1)
       returning id`,
      [NAME, PHONE, ADDRESS, `群众反映扬尘, 联系人${NAME}`],
    );
    plantedId = planted.id;
  });
  afterAll(() => app.close());

  it('publishes nothing until the city says so (the conservative default)', async () => {
    const ip = freshIp();
    expect((await allPublic(ip)).nodes).toEqual([]);
    expect((await anonymous<Rates>(RATES, ip)).data?.publicOnTimeRates).toEqual([]);
    const setting = await (await app.as('cityadmin')).data<{ disclosureSetting: { categoryIds: string[]; fields: string[]; publishedFrom: string | null } }>(`{ disclosureSetting { categoryIds fields publishedFrom } }`);
    expect(setting.disclosureSetting).toEqual({ categoryIds: [], fields: [], publishedFrom: null });
  });

  it('only the city decides: a county admin is refused, an anonymous caller must sign in, bad input changes nothing', async () => {
    const input = { categoryIds: [dust], fields: [], publishedFrom: '2026-01-01' };
    expect((await (await app.as('feidong')).request(SET, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await anonymous(SET, freshIp(), { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const city = await app.as('cityadmin');
    for (const publishedFrom of ['2026-13-01', '2026-02-30']) {
      expect((await city.request(SET, { input: { ...input, publishedFrom } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await city.request(SET, { input: { ...input, categoryIds: [toGlobalId('CaseCategory', 99999)] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await allPublic(freshIp())).nodes).toEqual([]);
  });

  it('closed cases of the published categories, with no complainant name, phone or address, located to the township only', async () => {
    const city = await app.as('cityadmin');
    await city.data(SET, { input: { categoryIds: [dust], fields: [], publishedFrom: '2026-01-01' } });
    expect((await city.data<{ disclosureSetting: { categoryIds: string[] } }>(`{ disclosureSetting { categoryIds } }`)).disclosureSetting.categoryIds).toEqual([dust]);
    const { nodes, raw } = await allPublic(freshIp());
    expect(nodes.length).toBe(await publishedCount(['DUST']));
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.categoryCode === 'DUST' && n.county && n.number === null && n.description === null && n.handlingUnit === null)).toBe(true);
    for (const secret of [NAME, PHONE, ADDRESS, '解放路', '117.456', '31.765']) expect(raw).not.toContain(secret);
    // The planted case is there, coarsened to its township.
    const [planted] = await app.ownerSql<{ township: string }>(`select t.name as township from "case" c join grid t on t.id = c.township_id where c.id = $1`, [plantedId]);
    expect(nodes.some((n) => n.township === planted.township)).toBe(true);
    // The schema itself has no field that could carry them.
    const fields = await anonymous<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "PublicCase") { fields { name } } }`, freshIp());
    expect(fields.data?.__type.fields.map((f) => f.name).filter((f) => /complainant|phone|address|lng|lat|location/i.test(f))).toEqual([]);
  });

  it('free text and the case number only when the city marks those fields public; other categories never', async () => {
    await (await app.as('cityadmin')).data(SET, { input: { categoryIds: [dust], fields: ['DESCRIPTION', 'NUMBER'], publishedFrom: '2026-01-01' } });
    const { nodes } = await allPublic(freshIp());
    expect(nodes.every((n) => n.number && n.description !== null && n.handlingUnit === null)).toBe(true);
    expect(nodes.some((n) => n.description?.includes(NAME))).toBe(true);
    // Back to the conservative fields: the free text is gone again.
    await (await app.as('cityadmin')).data(SET, { input: { categoryIds: [dust], fields: [], publishedFrom: '2026-01-01' } });
    expect((await allPublic(freshIp())).raw).not.toContain(NAME);
    const [{ n: burning }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from "case" c join case_category k on k.id = c.category_id where k.code = 'BURNING' and c.status = 'CLOSED'`);
    expect(burning).toBeGreaterThan(0);
    expect((await allPublic(freshIp())).nodes.some((n) => n.categoryCode === 'BURNING')).toBe(false);
  });

  it('per-county on-time rates over the published cases', async () => {
    const rates = (await anonymous<Rates>(RATES, freshIp())).data!.publicOnTimeRates;
    expect(rates.reduce((sum, r) => sum + r.closed, 0)).toBe(await publishedCount(['DUST']));
    for (const r of rates) {
      expect(r.onTime).toBeLessThanOrEqual(r.withDeadline);
      expect(r.rate).toBe(r.withDeadline ? Math.round((r.onTime * 1000) / r.withDeadline) / 10 : null);
    }
    expect(rates.some((r) => r.withDeadline > 0)).toBe(true);
  });

  it('row-level security still holds: the app login without a unit sees no case row, only the redacted columns through the function', async () => {
    const client = new Client(await enableAppRole(app.databaseUrl));
    await client.connect();
    try {
      expect((await client.query<{ n: number }>(`select count(*)::int as n from "case"`)).rows[0].n).toBe(0);
      const published = await client.query(`select * from gw_public_cases(null, 100)`);
      expect(published.rows.length).toBeGreaterThan(0);
      expect(published.fields.map((f) => f.name).filter((f) => /complainant|phone|address|lng|lat/.test(f))).toEqual([]);
      await expect(client.query(`select complainant_name from "case" where id = $1`, [plantedId]).then((r) => r.rows)).resolves.toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('the rate limit answers TOO_MANY_REQUESTS with retryAfter, per address, for every public read', async () => {
    const ip = freshIp();
    let refusedAt = 0;
    for (let i = 1; i <= 70 && !refusedAt; i++) {
      const result = await anonymous<Page>(`{ publicCases(first: 1) { hasMore } }`, ip);
      if (result.errors) {
        expect(result.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfter: expect.any(Number) });
        expect(result.data?.publicCases ?? null).toBeNull();
        refusedAt = i;
      }
    }
    expect(refusedAt).toBe(61);
    for (const query of [RATES, `{ publishedSpotCheckResults(first: 1) { totalCount } }`]) {
      expect((await anonymous(query, ip)).errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    }
    // Another address still reads.
    expect((await anonymous<Page>(`{ publicCases(first: 1) { hasMore } }`, freshIp())).errors).toBeUndefined();
  });
});
