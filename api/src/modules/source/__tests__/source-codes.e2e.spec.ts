import { creditCodeCheckChar, substituteUnitCode } from '@gridwatch/domain';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { id creditCode sourceCode version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateSourceInput!) { updateSource(id: $id, version: $version, input: $input) { id sourceCode version } }`;

/** A valid credit code registered in 肥东县 (340122) with a recognisable body. */
const creditCode = (n: number): string => {
  const first17 = `91340122MA3${String(n).padStart(6, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
/** The same credit code with a wrong check character. */
const wrongCheck = (code: string): string => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
const gid = (type: string, id: number): string => Buffer.from(`${type}:${id}`).toString('base64url');

interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; column: string | null; code: string; message: string }[];
}

describe('pollution source codes (HJ 608-2017) on input and import', () => {
  let app: TestApp;
  let feidong: GraphQLClient;
  let villageId: string;
  let villageCode: string;

  async function upload(client: GraphQLClient, lines: string[]): Promise<{ status: number; body: ImportResult }> {
    const form = new FormData();
    form.append('file', new Blob([`\ufeff${lines.join('\r\n')}\r\n`]), 'sources.csv');
    const response = await fetch(`${app.url}/import/sources`, { method: 'POST', body: form, headers: { cookie: client.cookie! } });
    return { status: response.status, body: (await response.json()) as ImportResult };
  }
  const count = async (): Promise<number> => (await app.ownerSql<{ n: number }>('select count(*)::int as n from pollution_source'))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    feidong = await app.as('feidong');
    const [village] = await app.ownerSql<{ id: number; code: string }>(
      `select g.id, g.code from grid g join grid c on c.id = g.county_id where c.code = '340122000000' and g.level = 'VILLAGE' order by g.code limit 1`,
    );
    villageId = gid('Grid', village.id);
    villageCode = village.code;
  });
  afterAll(() => app.close());

  it('seeded sources carry valid codes whose first 18 characters are their credit code', async () => {
    const [row] = await app.ownerSql<{ total: number; coded: number; agree: number }>(
      `select count(*)::int as total, count(source_code)::int as coded,
              count(*) filter (where credit_code is null or left(source_code, 18) = credit_code)::int as agree from pollution_source`,
    );
    expect(row.coded).toBe(row.total);
    expect(row.agree).toBe(row.total);
  });

  it('createSource and updateSource refuse a bad check character, site number or letter with BAD_USER_INPUT on sourceCode', async () => {
    const unit = creditCode(1);
    const before = await count();
    for (const bad of [`${wrongCheck(unit)}001P`, `${unit}000P`, `${unit}01AP`, `${unit}001p`, `${unit}0011`, `${unit}001`]) {
      const result = await feidong.request(CREATE, { input: { gridId: villageId, name: '编码错误企业', sourceCode: bad, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' } });
      expect({ bad, extensions: result.errors?.[0].extensions }).toMatchObject({ bad, extensions: { code: 'BAD_USER_INPUT', field: 'sourceCode' } });
    }
    expect(await count()).toBe(before);

    // A valid code brings its credit code; an H9 code (a unit without one) brings none.
    const { createSource } = await feidong.data<{ createSource: { id: string; creditCode: string; sourceCode: string; version: number } }>(CREATE, {
      input: { gridId: villageId, name: '编码正确企业', sourceCode: `${unit}001P`, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' },
    });
    expect(createSource).toMatchObject({ creditCode: unit, sourceCode: `${unit}001P` });
    const h9 = await feidong.data<{ createSource: { creditCode: string | null } }>(CREATE, {
      input: { gridId: villageId, name: '无代码作坊', sourceCode: `${substituteUnitCode('340122', 99_999, 5)}001P`, type: 'OTHER', supervisionLevel: 'GENERAL' },
    });
    expect(h9.createSource.creditCode).toBeNull();
    const mismatch = await feidong.request(CREATE, {
      input: { gridId: villageId, name: '代码不符企业', creditCode: creditCode(2), sourceCode: `${creditCode(3)}001P`, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' },
    });
    expect(mismatch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceCode' });

    for (const bad of [`${unit}000P`, `${unit}001p`]) {
      const result = await feidong.request(UPDATE, { id: createSource.id, version: createSource.version, input: { sourceCode: bad } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceCode' });
    }
    const moved = await feidong.data<{ updateSource: { sourceCode: string } }>(UPDATE, { id: createSource.id, version: createSource.version, input: { sourceCode: `${unit}002P` } });
    expect(moved.updateSource.sourceCode).toBe(`${unit}002P`);
  });

  it('the import refuses bad codes with line, column and BAD_USER_INPUT, and writes nothing', async () => {
    const unit = creditCode(10);
    const before = await count();
    const { status, body } = await upload(feidong, [
      '污染源编码,名称,类型,监管等级,网格编码',
      `${wrongCheck(unit)}001P,校验码错,企业,一般,${villageCode}`,
      `${unit}000P,顺序码错,企业,一般,${villageCode}`,
      `${unit}001*,标识码错,企业,一般,${villageCode}`,
      `${creditCode(11)}001P,正确,企业,一般,${villageCode}`,
    ]);
    expect(status).toBe(422);
    expect(body.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([2, 3, 4].map((line) => ({ line, column: '污染源编码', code: 'BAD_USER_INPUT' })));
    expect(await count()).toBe(before);
  });

  it('a code registered in another county is refused exactly like a code that was never assigned', async () => {
    const [other] = await app.ownerSql<{ credit_code: string; source_code: string }>(
      `select s.credit_code, s.source_code from pollution_source s join grid c on c.id = s.county_id
       where c.code = '340102000000' and s.credit_code is not null order by s.id limit 1`,
    );
    // A code no registry could have assigned: a wrong check character inside.
    const neverSourceCode = `${wrongCheck(creditCode(20))}001P`;
    const header = '污染源编码,名称,类型,监管等级,网格编码';
    const takenRow = await upload(feidong, [header, `${other.source_code},冒用编码,企业,一般,${villageCode}`]);
    const neverRow = await upload(feidong, [header, `${neverSourceCode},未赋编码,企业,一般,${villageCode}`]);
    const shape = (result: { status: number; body: ImportResult }, code: string) => ({
      status: result.status,
      errors: result.body.errors.map((e) => ({ ...e, message: e.message.replace(code, 'CODE') })),
    });
    expect(shape(takenRow, other.source_code)).toEqual(shape(neverRow, neverSourceCode));
    expect(takenRow.body.errors).toEqual([expect.objectContaining({ line: 2, column: '污染源编码', code: 'BAD_USER_INPUT' })]);
    expect(takenRow.body.errors[0].message).not.toMatch(/territory|registered|exists|another/i);
    // A credit code says nothing either way: another site of the same unit may be anywhere.
    const secondSite = await upload(feidong, ['统一社会信用代码,名称,类型,监管等级,网格编码', `${other.credit_code},同一单位另一场所,企业,一般,${villageCode}`]);
    expect(secondSite.body).toMatchObject({ inserted: 1, errors: [] });

    // The same through the API: a code taken outside answers like an invalid one.
    const taken = await feidong.request(CREATE, { input: { gridId: villageId, name: '冒用编码', sourceCode: other.source_code, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' } });
    const invalid = await feidong.request(CREATE, { input: { gridId: villageId, name: '未赋编码', sourceCode: neverSourceCode, type: 'ENTERPRISE', supervisionLevel: 'GENERAL' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sourceCode' });
    const answer = (result: typeof taken) => {
      const { requestId: _id, ...extensions } = result.errors?.[0].extensions ?? {};
      return { message: result.errors?.[0].message, extensions };
    };
    expect(answer(taken)).toEqual(answer(invalid));
  });

  it('imports outlets with a source and reads them back; a bad outlet code names the column', async () => {
    const code = `${creditCode(30)}001P`;
    const file = ['污染源编码,名称,类型,监管等级,网格编码,排放口', `${code},带排放口企业,企业,重点,${villageCode},DA001 锅炉废气; DW001`];
    expect((await upload(feidong, file)).body).toMatchObject({ inserted: 1, errors: [] });
    const [{ id }] = await app.ownerSql<{ id: number }>('select id from pollution_source where source_code = $1', [code]);
    const outlets = async () =>
      (await feidong.data<{ source: { outlets: { code: string; name: string; medium: string }[] } }>(`query($id: ID!) { source(id: $id) { outlets { code name medium } } }`, { id: gid('PollutionSource', id) }))
        .source.outlets;
    expect(await outlets()).toEqual([
      { code: 'DA001', name: '锅炉废气', medium: 'AIR' },
      { code: 'DW001', name: '废水排放口', medium: 'WATER' },
    ]);
    expect((await upload(feidong, file)).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    // Listed under another name: renamed; an outlet not listed stays.
    expect((await upload(feidong, [file[0], `${code},带排放口企业,企业,重点,${villageCode},DA001 燃气锅炉`])).body).toMatchObject({ updated: 1 });
    expect((await outlets()).map((o) => o.name)).toEqual(['燃气锅炉', '废水排放口']);
    const { source } = await feidong.data<{ source: { history: { nodes: { action: string; changes: Record<string, unknown> }[] } } }>(
      `query($id: ID!) { source(id: $id) { history(first: 5) { nodes { action changes } } } }`,
      { id: gid('PollutionSource', id) },
    );
    expect(source.history.nodes.map((n) => [n.action, n.changes.outlets])).toEqual([
      ['UPDATED', ['DA001 锅炉废气; DW001 废水排放口', 'DA001 燃气锅炉; DW001 废水排放口']],
      ['CREATED', [null, 'DA001 锅炉废气; DW001 废水排放口']],
    ]);

    const bad = await upload(feidong, [file[0], `${code},带排放口企业,企业,重点,${villageCode},DS001 噪声`]);
    expect(bad.body.errors).toEqual([expect.objectContaining({ line: 2, column: '排放口', code: 'BAD_USER_INPUT' })]);

    // A source moved to another grid takes its outlets along (their scope columns follow).
    const [next] = await app.ownerSql<{ code: string; id: number }>(
      `select g.code, g.id from grid g join grid c on c.id = g.county_id where c.code = '340122000000' and g.level = 'VILLAGE' and g.code > $1 order by g.code limit 1`,
      [villageCode],
    );
    expect((await upload(feidong, [file[0].replace(',排放口', ''), `${code},带排放口企业,企业,重点,${next.code}`])).body).toMatchObject({ updated: 1, errors: [] });
    const moved = await app.ownerSql<{ grid_id: number }>('select distinct o.grid_id from discharge_outlet o where o.source_id = $1', [id]);
    expect(moved).toEqual([{ grid_id: next.id }]);
  });
});
