import { creditCodeCheckChar } from '@gridwatch/domain';
import { stringify } from 'csv-stringify/sync';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { unusableCodeMessage } from '../source-codes';

interface ImportResult {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; column: string | null; code: string; message: string }[];
}

/** A valid code registered in 瑶海区 (340102) with a recognisable body. */
const creditCode = (n: number): string => {
  const first17 = `91340102MA2${String(n).padStart(6, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

const csv = (lines: string[]): Buffer => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`);
const csvRows = (rows: unknown[][]): Buffer => Buffer.from(stringify(rows, { bom: true }));
const HEADER = '统一社会信用代码,名称,类型,监管等级,状态,网格编码,地址,经度,纬度';

describe('source import (CSV/XLSX, all or nothing, within scope)', () => {
  let app: TestApp;
  let yaohaiGrid: string;
  let feidongGrid: string;
  let feidongCode: string;

  async function upload(client: GraphQLClient | null, file: Buffer, query = '', name = 'sources.csv'): Promise<{ status: number; body: ImportResult & { error?: { code: string } } }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${app.url}/import/sources${query}`, { method: 'POST', body: form, headers: client?.cookie ? { cookie: client.cookie } : {} });
    return { status: response.status, body: (await response.json()) as ImportResult & { error?: { code: string } } };
  }
  const count = async (): Promise<number> => Number((await app.ownerSql<{ n: string }>('select count(*) as n from pollution_source'))[0].n);
  const historyCount = async (): Promise<number> => Number((await app.ownerSql<{ n: string }>('select count(*) as n from pollution_source_change'))[0].n);
  const exported = async (client: GraphQLClient, path: string): Promise<Buffer> =>
    Buffer.from(await (await fetch(`${app.url}${path}`, { headers: { cookie: client.cookie! } })).arrayBuffer());

  beforeAll(async () => {
    app = await startTestApp();
    const grid = async (county: string) =>
      (await app.ownerSql<{ code: string }>(`select g.code from grid g join grid c on c.id = g.county_id where c.code = $1 and g.level <> 'COUNTY' order by g.code limit 1`, [county]))[0].code;
    yaohaiGrid = await grid('340102000000');
    feidongGrid = await grid('340122000000');
    feidongCode = (await app.ownerSql<{ source_code: string }>(`select s.source_code from pollution_source s join grid c on c.id = s.county_id where c.code = '340122000000' and s.credit_code is not null limit 1`))[0].source_code;
  });
  afterAll(() => app.close());

  it('round trip: an exported file imports as all unchanged, in CSV and XLSX and with English headers', async () => {
    const yaohai = await app.as('yaohai');
    const [{ n }] = await app.ownerSql<{ n: string }>(`select count(*) as n from pollution_source s join grid c on c.id = s.county_id where c.code = '340102000000'`);
    const before = await historyCount();
    for (const path of ['/export/sources.csv', '/export/sources.xlsx', '/export/sources.csv?lang=en']) {
      const file = await exported(yaohai, path);
      const { status, body } = await upload(yaohai, file, '', path.includes('xlsx') ? 'sources.xlsx' : 'sources.csv');
      expect({ path, status, body }).toEqual({ path, status: 200, body: { dryRun: false, rows: Number(n), inserted: 0, updated: 0, unchanged: Number(n), errors: [] } });
    }
    // A file exported before the id moved to the last column called it 编号: that column is still
    // read as the id (two rows with their ids swapped are refused as conflicting, not ignored).
    const lines = (await exported(yaohai, '/export/sources.csv')).toString('utf8').replace('系统标识', '编号').split(/\r?\n/);
    const id = (line: string) => line.slice(line.lastIndexOf(',') + 1);
    const [a, b] = [lines[1], lines[2]];
    [lines[1], lines[2]] = [a.slice(0, a.lastIndexOf(',') + 1) + id(b), b.slice(0, b.lastIndexOf(',') + 1) + id(a)];
    const swapped = await upload(yaohai, Buffer.from(lines.join('\r\n')), '?dryRun=true');
    expect(swapped.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, '编号', 'CONFLICT'], [3, '编号', 'CONFLICT']]);
    expect(await historyCount()).toBe(before);
  });

  it('inserts and updates by credit code with history; a dry run writes nothing; a second run changes nothing', async () => {
    const yaohai = await app.as('yaohai');
    const [existing] = await app.ownerSql<{ id: number; credit_code: string; name: string; type: string; supervision_level: string; grid_code: string; address: string | null; lng: number | null; lat: number | null }>(
      `select s.id, s.credit_code, s.name, s.type, s.supervision_level, g.code as grid_code, s.address, s.lng, s.lat
       from pollution_source s join grid g on g.id = s.grid_id join grid c on c.id = s.county_id
       where c.code = '340102000000' and s.credit_code is not null and s.supervision_level <> 'KEY' order by s.id limit 1`,
    );
    const file = csvRows([
      HEADER.split(','),
      [creditCode(1), '新建化工厂', '企业', '重点', '在产', yaohaiGrid, '瑶海区某路1号', '117.30', '31.86'],
      // The existing source becomes KEY; the type is given as the enum value, which is accepted too.
      [existing.credit_code, existing.name, existing.type, 'KEY', '', existing.grid_code, existing.address, existing.lng, existing.lat],
    ]);
    const sources = await count();
    const dry = await upload(yaohai, file, '?dryRun=true');
    expect(dry).toEqual({ status: 200, body: { dryRun: true, rows: 2, inserted: 1, updated: 1, unchanged: 0, errors: [] } });
    expect(await count()).toBe(sources);

    const real = await upload(yaohai, file);
    expect(real.body).toMatchObject({ dryRun: false, inserted: 1, updated: 1, unchanged: 0 });
    expect(await count()).toBe(sources + 1);
    const [created] = await app.ownerSql<{ id: number; status: string; lng: number; county: string }>(
      `select s.id, s.status, s.lng, c.code as county from pollution_source s join grid c on c.id = s.county_id where s.credit_code = $1`,
      [creditCode(1)],
    );
    expect(created).toMatchObject({ status: 'ACTIVE', lng: 117.3, county: '340102000000' });

    const history = async (id: number) =>
      (await yaohai.data<{ source: { history: { nodes: { action: string; changes: Record<string, unknown[]> }[] } } }>(
        `query($id: ID!) { source(id: $id) { history(first: 5) { nodes { action changes } } } }`,
        { id: Buffer.from(`PollutionSource:${id}`).toString('base64url') },
      )).source.history.nodes;
    expect((await history(created.id))[0]).toMatchObject({ action: 'CREATED', changes: { name: [null, '新建化工厂'], supervisionLevel: [null, 'KEY'] } });
    // An empty status keeps the source's status: only the level changed.
    const updates = (await history(existing.id)).filter((h) => h.action === 'UPDATED');
    expect(updates[0].changes).toEqual({ supervisionLevel: [existing.supervision_level, 'KEY'] });

    expect((await upload(yaohai, file)).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it('rejects a bad file whole, with the line, column and code of every problem', async () => {
    const yaohai = await app.as('yaohai');
    const bad = creditCode(2).slice(0, 17) + (creditCode(2)[17] === '0' ? '1' : '0');
    const file = csv([
      HEADER,
      `${creditCode(3)},一家好企业,企业,一般,在产,${yaohaiGrid},,,`,
      `${bad},校验码错,企业,一般,在产,${yaohaiGrid},,,`,
      `,,餐饮,一般,在产,${yaohaiGrid},,,`,
      `,某饭店,飞船,一般,在产,${yaohaiGrid},,,`,
      `,某工地,建筑工地,一般,在产,999999999999,,,`,
      `,某汽修,汽修,一般,在产,${yaohaiGrid},,117.2,`,
      `${creditCode(3)},同一代码,企业,一般,在产,${yaohaiGrid},,,`,
    ]);
    const sources = await count();
    const { status, body } = await upload(yaohai, file);
    expect(status).toBe(422);
    expect(body).toMatchObject({ inserted: 0, updated: 0, unchanged: 0 });
    expect(body.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 3, column: '统一社会信用代码', code: 'BAD_USER_INPUT' },
      { line: 4, column: '名称', code: 'BAD_USER_INPUT' },
      { line: 5, column: '类型', code: 'BAD_USER_INPUT' },
      { line: 6, column: '网格编码', code: 'NOT_FOUND' },
      { line: 7, column: '纬度', code: 'BAD_USER_INPUT' },
      { line: 8, column: null, code: 'CONFLICT' },
    ]);
    expect(body.errors[5].message).toContain('Line 2');
    expect(await count()).toBe(sources);

    const noGrid = await upload(yaohai, csv(['名称,类型,监管等级', '某企业,企业,一般']));
    expect(noGrid).toMatchObject({ status: 422, body: { errors: [{ line: 1, column: '网格编码', code: 'BAD_USER_INPUT' }] } });
  });

  it("refuses rows in another county: its grids are not found, its sources' codes are refused like invalid ones", async () => {
    const yaohai = await app.as('yaohai');
    const sources = await count();
    const { status, body } = await upload(
      yaohai,
      csv([`${HEADER},污染源编码`, `${creditCode(4)},越界企业,企业,一般,在产,${feidongGrid},,,,`, `,冒名企业,企业,一般,在产,${yaohaiGrid},,,,${feidongCode}`]),
    );
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { line: 2, column: '网格编码', code: 'NOT_FOUND', message: `No grid ${feidongGrid} in your territory` },
      { line: 3, column: '污染源编码', code: 'BAD_USER_INPUT', message: unusableCodeMessage('sourceCode', feidongCode) },
    ]);
    expect(await count()).toBe(sources);
  });

  it('reads a GB18030 CSV as Excel on a Chinese Windows saves it; refuses callers without a session or the right role', async () => {
    const yaohai = await app.as('yaohai');
    // 餐馆 in GB18030 (B2CD B9DD), in a file with English headers.
    const gbk = Buffer.concat([Buffer.from(`creditCode,name,type,supervisionLevel,gridCode\r\n,`), Buffer.from([0xb2, 0xcd, 0xb9, 0xdd]), Buffer.from(`,RESTAURANT,GENERAL,${yaohaiGrid}\r\n`)]);
    expect((await upload(yaohai, gbk)).body).toMatchObject({ inserted: 1, errors: [] });
    expect(await app.ownerSql(`select 1 from pollution_source where name = '餐馆'`)).toHaveLength(1);
    // Without a credit code the row is matched by grid and name: importing it again changes nothing.
    expect((await upload(yaohai, gbk)).body).toMatchObject({ inserted: 0, unchanged: 1 });

    expect((await upload(null, gbk)).status).toBe(401);
    const dept = await upload(await app.as('citydept'), gbk);
    expect(dept).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const xls = await upload(yaohai, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), '', 'old.xls');
    expect(xls).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'file' } } });
  });
});
