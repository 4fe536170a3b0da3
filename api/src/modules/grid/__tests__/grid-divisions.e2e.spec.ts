import ExcelJS from 'exceljs';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

interface Problem {
  line: number;
  column: string | null;
  code: string;
  reason: string;
  message: string;
}
interface ImportResult {
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: Problem[];
}

const HEADER = '网格编码,名称,层级,上级网格编码';
const csv = (lines: string[]): Buffer => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`);

const GRID = 'code name level hasPlatform hasPlatformSetting validFrom parent { code } history { code name parentCode validFrom validTo actorName actorRole }';

/**
 * Issue 18, finding 1: county and city administrators load grid divisions through the API,
 * within their territory, with every problem of a file in one answer; renames and moves keep
 * history; the platform flag is inherited from the district.
 */
describe('grid divisions: import by administrators, history, inherited platform', () => {
  let app: TestApp;
  /** Two townships of 肥东县 and a village of the first, from the seed. */
  let feidong: { township: string; township2: string; village: string; village2: string };
  let yaohai: { township: string; urban: string };

  async function upload(client: GraphQLClient, file: Buffer, query = '', name = 'grids.csv'): Promise<{ status: number; body: ImportResult }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const response = await fetch(`${app.url}/import/grids${query}`, { method: 'POST', body: form, headers: { cookie: client.cookie! } });
    return { status: response.status, body: (await response.json()) as ImportResult };
  }
  const gridState = () => app.ownerSql<{ code: string; name: string; parent_id: number | null }>('select code, name, parent_id from grid order by id');
  const byCode = async (client: GraphQLClient, code: string) =>
    (await client.data<{ gridByCode: Record<string, unknown> | null }>(`query($code: String!) { gridByCode(code: $code) { ${GRID} } }`, { code })).gridByCode;

  beforeAll(async () => {
    app = await startTestApp();
    const townships = await app.ownerSql<{ code: string }>(
      `select t.code from grid t join grid c on c.id = t.county_id where c.code = '340122000000' and t.level = 'TOWNSHIP'
         and (select count(*) from grid v where v.parent_id = t.id) >= 2 order by t.code limit 2`,
    );
    const villages = await app.ownerSql<{ code: string }>(`select v.code from grid v join grid t on t.id = v.parent_id where t.code = $1 order by v.code limit 2`, [townships[0].code]);
    feidong = { township: townships[0].code, township2: townships[1].code, village: villages[0].code, village2: villages[1].code };
    const [urban] = await app.ownerSql<{ code: string }>(
      `select g.code from grid g join grid c on c.id = g.county_id where c.code = '340102000000' and g.kind = 'URBAN_MANAGEMENT' order by g.code limit 1`,
    );
    const [township] = await app.ownerSql<{ code: string }>(
      `select g.code from grid g join grid c on c.id = g.county_id where c.code = '340102000000' and g.level = 'TOWNSHIP' order by g.code limit 1`,
    );
    yaohai = { township: township.code, urban: urban.code };
  });
  afterAll(() => app.close());

  it('a county dry-runs a file with every kind of problem and gets them all in one answer, line, column and code; nothing changes', async () => {
    const client = await app.as('feidong');
    const before = await gridState();
    const t = feidong.township;
    const fresh = `${t.slice(0, 9)}901`;
    const lines = [
      HEADER,
      `${fresh},新建社区,VILLAGE,${t}`, // 2: fine
      `${t.slice(0, 9)}90X,坏编码,VILLAGE,${t}`, // 3: format of the code
      `${t.slice(0, 9)}903,层级写错,TOWN,${t}`, // 4: format of the level
      `340122999001,无上级村,VILLAGE,340122999000`, // 5: unknown parent
      `${t.slice(0, 9)}902,层级不对,TOWNSHIP,${t}`, // 6: wrong level under a township
      `340102001901,外区社区,VILLAGE,${t}`, // 7: a code outside the county (another county's)
      `${fresh},重复社区,VILLAGE,${t}`, // 8: duplicate of line 2
      `${yaohai.township.slice(0, 9)}909,瑶海社区,VILLAGE,${yaohai.township}`, // 9: a parent in another county
      `,,VILLAGE,${t}`, // 10: no code, no name
      `${t.slice(0, 9)}904,\u202e反向名称,VILLAGE,${t}`, // 11: a bidirectional override in the name
    ];
    const file = csv(lines);
    const { status, body } = await upload(client, file, '?dryRun=true');
    expect(status).toBe(422);
    expect(body.errors.map((e) => [e.line, e.column, e.code, e.reason])).toEqual([
      [3, '网格编码', 'BAD_USER_INPUT', 'BAD_FORMAT'],
      [4, '层级', 'BAD_USER_INPUT', 'BAD_FORMAT'],
      [5, '上级网格编码', 'NOT_FOUND', 'UNKNOWN_PARENT'],
      [6, '层级', 'BAD_USER_INPUT', 'WRONG_LEVEL'],
      [7, '网格编码', 'BAD_USER_INPUT', 'CODE_RULE'],
      [8, '网格编码', 'CONFLICT', 'DUPLICATE'],
      [9, '上级网格编码', 'NOT_FOUND', 'UNKNOWN_PARENT'],
      [10, '网格编码', 'BAD_USER_INPUT', 'BAD_FORMAT'],
      [10, '名称', 'BAD_USER_INPUT', 'BAD_FORMAT'],
      [11, '名称', 'BAD_USER_INPUT', 'BAD_FORMAT'],
    ]);
    expect(body).toMatchObject({ dryRun: true, rows: 10, inserted: 0, updated: 0, unchanged: 0 });
    // Another county's grid answers exactly like one that does not exist.
    const [missing, elsewhere] = [body.errors[2], body.errors[6]];
    expect(elsewhere.message.replace(yaohai.township, 'X')).toBe(missing.message.replace('340122999000', 'X'));
    // The same through GraphQL (importGridDivisions, the CSV as text): the same answer. The
    // override character is refused there before any resolver, for the whole request.
    const text = csv(lines.slice(0, -1)).toString('utf8');
    const viaGraphQL = await client.data<{ importGridDivisions: ImportResult }>(
      `mutation($csv: String!) { importGridDivisions(csv: $csv, dryRun: true) { dryRun rows inserted updated unchanged errors { line column code reason message values } } }`,
      { csv: text },
    );
    expect(viaGraphQL.importGridDivisions).toEqual({ ...body, rows: 9, errors: body.errors.filter((e) => e.line !== 11) });
    // The same file without dryRun, by either path: still nothing written.
    expect((await upload(client, file)).status).toBe(422);
    const applied = await client.data<{ importGridDivisions: ImportResult }>(`mutation($csv: String!) { importGridDivisions(csv: $csv, dryRun: false) { errors { line } } }`, { csv: text });
    expect(applied.importGridDivisions.errors).toHaveLength(9);
    expect(await gridState()).toEqual(before);
  });

  it('applies a good file: new grids, a rename and a recode-and-move keep history, the old code finds the current grid', async () => {
    const client = await app.as('feidong');
    const newTownship = '340122190000';
    const file = csv([
      `${HEADER},原编码`,
      `${newTownship},示例镇,TOWNSHIP,340122000000,`,
      `340122190001,示例村,VILLAGE,${newTownship},`,
      `${feidong.village},改名社区,VILLAGE,${feidong.township},`,
      `340122190002,迁入村,VILLAGE,${newTownship},${feidong.village2}`,
    ]);
    const before = await gridState();
    const dry = await upload(client, file, '?dryRun=true');
    expect(dry).toEqual({ status: 200, body: { dryRun: true, rows: 4, inserted: 2, updated: 2, unchanged: 0, errors: [] } });
    expect(await gridState()).toEqual(before);
    const applied = await upload(client, file);
    expect(applied).toEqual({ status: 200, body: { dryRun: false, rows: 4, inserted: 2, updated: 2, unchanged: 0, errors: [] } });
    // Again: all unchanged, no further history.
    expect((await upload(client, file)).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, errors: [] });

    const moved = await byCode(client, feidong.village2);
    expect(moved).toMatchObject({
      code: '340122190002',
      name: '迁入村',
      parent: { code: newTownship },
      validFrom: expect.any(String),
      history: [{ code: feidong.village2, parentCode: feidong.township, validFrom: null, validTo: moved?.validFrom, actorRole: 'COUNTY_ADMIN' }],
    });
    expect(await byCode(client, feidong.village)).toMatchObject({ name: '改名社区', history: [{ code: feidong.village, name: expect.not.stringMatching('改名社区') }] });
    const search = await client.data<{ grids: { nodes: { code: string }[] } }>(`query($s: String!) { grids(first: 10, filter: { search: $s }) { nodes { code } } }`, { s: feidong.village2 });
    expect(search.grids.nodes.map((g) => g.code)).toEqual(['340122190002']);
    // What hangs off the moved village now carries its new township.
    const [scope] = await app.ownerSql<{ wrong: number }>(
      `select count(*)::int as wrong from pollution_source s join grid g on g.id = s.grid_id where g.code = '340122190002' and s.township_id <> g.township_id`,
    );
    expect(scope.wrong).toBe(0);
    const [village] = await app.ownerSql<{ township: string }>(`select t.code as township from grid v join grid t on t.id = v.township_id where v.code = '340122190002'`);
    expect(village.township).toBe(newTownship);
  });

  it('a county cannot touch another county\'s grids: its lines answer like invalid codes, and old codes stay hidden', async () => {
    const client = await app.as('feidong');
    const before = await gridState();
    const [yaohaiStreet] = await app.ownerSql<{ code: string; parent: string }>(
      `select g.code, p.code as parent from grid g join grid p on p.id = g.parent_id join grid c on c.id = g.county_id where c.code = '340102000000' and g.level = 'TOWNSHIP' order by g.code limit 1`,
    );
    const { status, body } = await upload(
      client,
      csv([
        `${HEADER},原编码`,
        `${yaohaiStreet.code},改别人的名字,TOWNSHIP,${yaohaiStreet.parent},`, // an existing grid of 瑶海区
        `340102999000,不存在的街道,TOWNSHIP,340102000000,`, // a grid that does not exist
        `340122191000,抢来的街道,TOWNSHIP,340122000000,${yaohaiStreet.code}`, // take another county's grid by its code
        `340122192000,没有的街道,TOWNSHIP,340122000000,340102999000`, // a former code that does not exist
      ]),
    );
    expect(status).toBe(422);
    const shape = (e: Problem) => [e.line, e.column, e.code, e.reason, e.message.replace(/\d{12,15}/g, 'X')];
    expect(body.errors.map(shape)).toEqual([
      [2, '上级网格编码', 'NOT_FOUND', 'UNKNOWN_PARENT', 'No grid X in the file or in your territory'],
      [3, '上级网格编码', 'NOT_FOUND', 'UNKNOWN_PARENT', 'No grid X in the file or in your territory'],
      [4, '原编码', 'NOT_FOUND', 'UNKNOWN_GRID', 'No grid X in your territory'],
      [5, '原编码', 'NOT_FOUND', 'UNKNOWN_GRID', 'No grid X in your territory'],
    ]);
    expect(await gridState()).toEqual(before);
    // The city renames a 瑶海区 grid; 肥东县 finds it neither by the new nor by the old code.
    const city = await app.as('cityadmin');
    expect((await upload(city, csv([HEADER, `${yaohaiStreet.code},更名街道,TOWNSHIP,${yaohaiStreet.parent}`]))).status).toBe(200);
    expect(await byCode(client, yaohaiStreet.code)).toBeNull();
    const [{ n }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from grid_history h join grid g on g.id = h.grid_id where g.code = $1`, [yaohaiStreet.code]);
    expect(n).toBe(1);
  });

  it('a city admin imports city-wide, across counties', async () => {
    const city = await app.as('cityadmin');
    const { status, body } = await upload(
      city,
      csv([HEADER, `${feidong.township2},市级改名镇,TOWNSHIP,340122000000`, `340102990000,市级新建街道,TOWNSHIP,340102000000`]),
    );
    expect({ status, body }).toEqual({ status: 200, body: { dryRun: false, rows: 2, inserted: 1, updated: 1, unchanged: 0, errors: [] } });
    expect(await byCode(city, '340102990000')).toMatchObject({ name: '市级新建街道', parent: { code: '340102000000' }, hasPlatform: true, hasPlatformSetting: null });
    // An Excel file with English headers and labels is read the same way.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('grids').addRows([
      ['Code', 'Name', 'Level', 'Parent code', 'Platform setting'],
      ['340102990002', '表格新建社区', 'Village', '340102990000', 'no'],
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(city, xlsx, '', 'grids.xlsx')).body).toMatchObject({ inserted: 1, errors: [] });
    expect(await byCode(city, '340102990002')).toMatchObject({ level: 'VILLAGE', hasPlatform: false, hasPlatformSetting: false });
    // Through GraphQL too.
    const viaGraphQL = await city.data<{ importGridDivisions: ImportResult }>(
      `mutation($csv: String!) { importGridDivisions(csv: $csv, dryRun: false) { dryRun rows inserted updated unchanged errors { line } } }`,
      { csv: [HEADER, '340102990001,市级新建社区,VILLAGE,340102990000'].join('\n') },
    );
    expect(viaGraphQL.importGridDivisions).toEqual({ dryRun: false, rows: 1, inserted: 1, updated: 0, unchanged: 0, errors: [] });
    expect(await byCode(city, '340102990001')).toMatchObject({ parent: { code: '340102990000' } });
    // A grid worker may not import divisions at all.
    const worker = await app.as('gridworker');
    const refused = await upload(worker, csv([HEADER, `${feidong.township2},乡镇改名,TOWNSHIP,340122000000`]));
    expect(refused.status).toBe(403);
    const refusedGraphQL = await worker.request(`mutation { importGridDivisions(csv: "a") { rows } }`);
    expect(refusedGraphQL.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a township may rename its villages by import, not recode or move them (as with updateGrid)', async () => {
    const township = await app.as('township');
    const villages = await app.ownerSql<{ code: string; name: string }>(
      `select v.code, v.name from grid v join grid t on t.id = v.parent_id where t.code = '340122104000' order by v.code limit 2`,
    );
    const rename = await upload(township, csv([HEADER, `${villages[0].code},${villages[0].name}(新),VILLAGE,340122104000`]), '?dryRun=true');
    expect(rename).toEqual({ status: 200, body: { dryRun: true, rows: 1, inserted: 0, updated: 1, unchanged: 0, errors: [] } });
    const recode = await upload(township, csv([`${HEADER},原编码`, `340122104983,${villages[1].name},VILLAGE,340122104000,${villages[1].code}`]), '?dryRun=true');
    expect(recode.body.errors.map((e) => [e.line, e.reason, e.message])).toEqual([[2, 'NOT_PERMITTED', `Your role may not change the grid ${villages[1].code} (code)`]]);
  });

  it('updateGrid keeps history too: a recode is found by the old code; a change of the boundary alone writes none', async () => {
    const client = await app.as('feidong');
    const [{ code }] = await app.ownerSql<{ code: string }>(
      `select v.code from grid v join grid t on t.id = v.parent_id where t.code = $1 and v.code <> $2 order by v.code desc limit 1`,
      [feidong.township2, feidong.village],
    );
    const { grid } = await client.data<{ grid: { id: string } }>(`query($c: String!) { grid: gridByCode(code: $c) { id } }`, { c: code });
    const recoded = `${code.slice(0, 9)}980`;
    await client.data(`mutation($id: ID!, $code: String!) { updateGrid(id: $id, input: { code: $code }) { code } }`, { id: grid.id, code: recoded });
    await client.data(`mutation($id: ID!) { updateGrid(id: $id, input: { centroid: { lng: 117.5, lat: 31.9 } }) { code } }`, { id: grid.id });
    expect(await byCode(client, code)).toMatchObject({ code: recoded, history: [{ code, parentCode: feidong.township2, actorRole: 'COUNTY_ADMIN' }] });
  });

  it('hasPlatform: urban grids inherit their district\'s platform; an explicit setting is kept apart and wins', async () => {
    const city = await app.as('cityadmin');
    // The old code answered false for every grid below the 7 urban units.
    expect(await byCode(city, yaohai.urban)).toMatchObject({ hasPlatform: true, hasPlatformSetting: null });
    expect(await byCode(city, '340102000000')).toMatchObject({ hasPlatform: true, hasPlatformSetting: true });
    expect(await byCode(city, feidong.township)).toMatchObject({ hasPlatform: false, hasPlatformSetting: null });

    const { grid } = await city.data<{ grid: { id: string } }>(`query($c: String!) { grid: gridByCode(code: $c) { id } }`, { c: yaohai.urban });
    const set = await city.data<{ updateGrid: Record<string, unknown> }>(`mutation($id: ID!) { updateGrid(id: $id, input: { hasPlatform: false }) { hasPlatform hasPlatformSetting } }`, { id: grid.id });
    expect(set.updateGrid).toEqual({ hasPlatform: false, hasPlatformSetting: false });
    const cleared = await city.data<{ updateGrid: Record<string, unknown> }>(`mutation($id: ID!) { updateGrid(id: $id, input: { hasPlatform: null }) { hasPlatform hasPlatformSetting } }`, { id: grid.id });
    expect(cleared.updateGrid).toEqual({ hasPlatform: true, hasPlatformSetting: null });

    // A township of 肥东县 set to have a platform by import: its villages inherit it.
    const feidongAdmin = await app.as('feidong');
    const [{ name }] = await app.ownerSql<{ name: string }>('select name from grid where code = $1', [feidong.township]);
    const imported = await upload(feidongAdmin, csv([`${HEADER},平台设置`, `${feidong.township},${name},TOWNSHIP,340122000000,是`]));
    expect(imported.body).toMatchObject({ updated: 1, errors: [] });
    expect(await byCode(feidongAdmin, feidong.township)).toMatchObject({ hasPlatform: true, hasPlatformSetting: true });
    expect(await byCode(feidongAdmin, feidong.village)).toMatchObject({ hasPlatform: true, hasPlatformSetting: null });
  });

  it('a county re-imports its own export unchanged: its own row names a parent above it, which is taken as it stands', async () => {
    const client = await app.as('yaohai');
    const exported = await fetch(`${app.url}/export/grids.csv`, { headers: { cookie: client.cookie! } });
    expect(exported.status).toBe(200);
    const file = Buffer.from(await exported.arrayBuffer());
    const before = await gridState();
    const dryRun = await upload(client, file, '?dryRun=true');
    expect(dryRun.body.errors).toEqual([]);
    expect(dryRun.body).toMatchObject({ dryRun: true, inserted: 0, updated: 0 });
    expect(dryRun.body.unchanged).toBe(dryRun.body.rows);
    expect(await gridState()).toEqual(before);
  });
});
