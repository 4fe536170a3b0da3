import type ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { csvOf, download, xlsxOf } from './export-download';

describe('list exports (CSV and XLSX, streamed, within scope)', () => {
  let app: TestApp;
  let gridId: (code: string) => Promise<number>;

  beforeAll(async () => {
    app = await startTestApp();
    gridId = async (code) => (await app.ownerSql<{ id: number }>('select id from grid where code = $1', [code]))[0].id;
  });
  afterAll(() => app.close());

  it("gives a county admin its county's sources only, as a CSV with a BOM and Chinese headers", async () => {
    const yaohai = await app.as('yaohai');
    const response = await download(app, yaohai, '/export/sources.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sources-\d{8}-\d{4}\.csv"; filename\*=UTF-8''/);
    const { bom, rows } = await csvOf(response);
    expect(bom).toBe(true);
    const [{ count }] = await app.ownerSql<{ count: string }>('select count(*) from pollution_source where county_id = $1', [await gridId('340102000000')]);
    expect(Number(count)).toBeGreaterThan(0);
    expect(rows).toHaveLength(Number(count));
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['系统标识', '名称', '统一社会信用代码', '类型', '监管等级', '状态', '网格编码', '县区', '更新时间']));
    // A clerk reads the name first; the opaque id (for importing an edited file back) comes last.
    expect(Object.keys(rows[0])[0]).toBe('名称');
    expect(Object.keys(rows[0]).at(-1)).toBe('系统标识');
    expect(new Set(rows.map((r) => r['县区']))).toEqual(new Set(['瑶海区']));
    // Enum values are translated and instants are Beijing time.
    expect(new Set(rows.map((r) => r['类型']))).not.toContain('ENTERPRISE');
    expect(rows.every((r) => ['重点', '一般', '特殊'].includes(r['监管等级']))).toBe(true);
    expect(rows[0]['更新时间']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('writes an XLSX of cases that parses back, with Shanghai times and English headers on request', async () => {
    const feidong = await app.as('feidong');
    const zh = await xlsxOf(await download(app, feidong, '/export/cases.xlsx'));
    const [{ count }] = await app.ownerSql<{ count: string }>('select count(*) from "case" where county_id = $1', [await gridId('340122000000')]);
    expect(zh).toHaveLength(Number(count) + 1);
    const header = zh[0];
    expect(header).toEqual(expect.arrayContaining(['案件编号', '类别', '来源', '状态', '上报时间', '县区']));
    const at = (name: string, row: ExcelJS.CellValue[]) => row[header.indexOf(name)];
    const first = zh[1];
    // Statuses are labels, never enum names; a case the database holds as REPORTED reads 已上报.
    expect(zh.slice(1).some((row) => /^[A-Z_]+$/.test(String(at('状态', row))))).toBe(false);
    const [reported] = await app.ownerSql<{ number: string }>(`select number from "case" where county_id = $1 and status = 'REPORTED' limit 1`, [await gridId('340122000000')]);
    const reportedRow = (rows: ExcelJS.CellValue[][], column: string) => rows.find((row) => row[rows[0].indexOf(column)] === reported.number);
    expect(at('状态', reportedRow(zh, '案件编号') ?? [])).toBe('已上报');
    expect(new Set(zh.slice(1).map((row) => at('县区', row)))).toEqual(new Set(['肥东县']));
    // The cell holds the Shanghai wall time: compare with the database's own conversion.
    const [db] = await app.ownerSql<{ local: string }>(
      `select to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') as local from "case" where number = $1`,
      [at('案件编号', first)],
    );
    expect((at('上报时间', first) as Date).toISOString().slice(0, 19)).toBe(db.local);

    const en = await xlsxOf(await download(app, feidong, '/export/cases.xlsx?lang=en'));
    expect(en[0]).toEqual(expect.arrayContaining(['Number', 'Category', 'Origin', 'Status', 'Reported at']));
    expect((reportedRow(en, 'Number') ?? [])[en[0].indexOf('Status')]).toBe('Reported');
  });

  it('is refused without a session, with an unknown list or format, and with a bad filter', async () => {
    const none = await download(app, null, '/export/sources.csv');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const cityadmin = await app.as('cityadmin');
    expect((await download(app, cityadmin, '/export/accounts.csv')).status).toBe(404);
    expect(await (await download(app, cityadmin, '/export/sources.pdf')).json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'format' } });
    const badEnum = await download(app, cityadmin, `/export/sources.csv?filter=${encodeURIComponent('{"supervisionLevel":"HUGE"}')}`);
    expect(badEnum.status).toBe(400);
    expect(await badEnum.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'filter.supervisionLevel' } });
    expect((await download(app, cityadmin, '/export/sources.csv?filter=nope')).status).toBe(400);
    expect((await download(app, cityadmin, '/export/cases.csv?orderBy=SIDEWAYS')).status).toBe(400);
  });

  it('takes the list query’s filter, and a grid outside the scope is NOT_FOUND before any byte is sent', async () => {
    const feidong = await app.as('feidong');
    const feidongId = Buffer.from(`Grid:${await gridId('340122000000')}`).toString('base64url');
    const filter = encodeURIComponent(JSON.stringify({ supervisionLevel: 'KEY', withinId: feidongId }));
    const { rows } = await csvOf(await download(app, feidong, `/export/sources.csv?filter=${filter}`));
    const [{ count }] = await app.ownerSql<{ count: string }>(
      `select count(*) from pollution_source where county_id = $1 and supervision_level = 'KEY'`,
      [await gridId('340122000000')],
    );
    expect(rows).toHaveLength(Number(count));
    expect(rows.every((r) => r['监管等级'] === '重点')).toBe(true);

    const yaohai = await app.as('yaohai');
    const outside = await download(app, yaohai, `/export/sources.csv?filter=${encodeURIComponent(JSON.stringify({ withinId: feidongId }))}`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('pages through lists longer than one batch without losing or repeating rows', async () => {
    const cityadmin = await app.as('cityadmin');
    const { rows } = await csvOf(await download(app, cityadmin, '/export/grid-workers.csv'));
    const [{ count }] = await app.ownerSql<{ count: string }>('select count(*) from grid_worker');
    expect(Number(count)).toBeGreaterThan(1000);
    expect(rows).toHaveLength(Number(count));
    expect(new Set(rows.map((r) => r['系统标识'])).size).toBe(rows.length);
    expect(rows.filter((r) => r['电话'] !== '').length).toBeGreaterThan(0);

    // A grid worker's export has no phones: they are visible to administrators only.
    const officer = await app.as('officer');
    const staff = await csvOf(await download(app, officer, '/export/grid-workers.csv'));
    expect(staff.rows.length).toBeGreaterThan(0);
    expect(staff.rows.every((r) => r['电话'] === '')).toBe(true);
  });

  it('serves integrators by API key, within the key’s scopes and unit', async () => {
    const feidong = await app.as('feidong');
    const county = (await feidong.data<{ gridByCode: { id: string } }>(`{ gridByCode(code: "340122000000") { id } }`)).gridByCode.id;
    const { createApiKey } = await feidong.data<{ createApiKey: { key: string } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
      { input: { name: '数字城管平台', unitId: county, scopes: ['READ_SOURCES', 'READ_GRIDS'] } },
    );
    const withKey = (path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${createApiKey.key}` } });
    const response = await withKey('/export/sources.csv?lang=en');
    expect(response.status).toBe(200);
    const { rows } = await csvOf(response);
    const [{ count }] = await app.ownerSql<{ count: string }>('select count(*) from pollution_source where county_id = $1', [await gridId('340122000000')]);
    expect(rows).toHaveLength(Number(count));
    expect(new Set(rows.map((r) => r.County))).toEqual(new Set(['肥东县']));
    expect((await withKey('/export/cases.csv')).status).toBe(403);
  });

  it('lists the exports for integrators, only those the caller may read', async () => {
    const cityadmin = await app.as('cityadmin');
    const { exportLists } = await cityadmin.data<{ exportLists: { name: string; title: string; csvPath: string; filterType: string; columns: { key: string; header: string }[] }[] }>(
      `{ exportLists { name title csvPath filterType columns { key header } } }`,
    );
    expect(exportLists.map((l) => l.name)).toEqual([
      'cases', 'sources', 'grids', 'officers', 'grid-workers', 'departments', 'inspections', 'patrol-check-ins',
      'tasks', 'enforcement-plans', 'patrol-plans', 'spot-check-samples', 'audits', 'audit-recommendations', 'assessment',
      'complaint-tickets',
    ]);
    const sources = exportLists.find((l) => l.name === 'sources');
    expect(sources).toMatchObject({ title: '污染源档案', csvPath: '/export/sources.csv', filterType: 'SourceFilter' });
    expect(sources?.columns).toContainEqual({ key: 'creditCode', header: '统一社会信用代码' });
  });

  it("exports the supervision record (inspections, patrol check-ins) of a county admin's county only", async () => {
    const feidong = await app.as('feidong');
    const county = await gridId('340122000000');
    for (const [list, table, column] of [['inspections', 'inspection', '检查结果'], ['patrol-check-ins', 'patrol_check_in', '网格界外']] as const) {
      const response = await download(app, feidong, `/export/${list}.csv`);
      expect(response.status).toBe(200);
      const { rows } = await csvOf(response);
      const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from ${table} where county_id = $1`, [county]);
      expect(n).toBeGreaterThan(0);
      expect(rows).toHaveLength(n);
      expect(new Set(rows.map((r) => r['县区']))).toEqual(new Set(['肥东县']));
      expect(rows.some((r) => /^[A-Z_]+$|^(true|false)$/.test(r[column]))).toBe(false);
    }
  });
});
