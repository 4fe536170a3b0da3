import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { repoRoot } from '../../../config';
import { ormConfig } from '../../../db/orm.config';
import { cloneDatabase, TEMPLATE_EMPTY } from '../../../test/databases';
import { operatorContext } from '../../../context/operator-context';
import { inUnit } from '../../../context/unit-of-work';
import { gridImportService } from '../grid-import.service';

const divisions = readFileSync(path.join(repoRoot, 'seeds', 'data', 'hefei-divisions-2022.csv'), 'utf8');

/** The operator's import (the CLI's path): the whole grid, in one transaction. */
function importGrids(orm: MikroORM, csv: string) {
  const ctx = operatorContext(orm);
  return inUnit(ctx, () => gridImportService.import(ctx, Buffer.from(csv), false));
}

describe('grid division table import (Annex 1 CSV)', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await cloneDatabase(TEMPLATE_EMPTY);
    drop = database.drop;
    orm = await MikroORM.init(ormConfig(database.url));
  });
  afterAll(async () => {
    await orm.close(true);
    await drop();
  });

  function em() {
    const fork = orm.em.fork();
    fork.setFilterParams('scope', { system: true });
    return fork;
  }

  async function levels(): Promise<Record<string, number>> {
    const rows = await em().execute<{ level: string; n: number }[]>('select level, count(*)::int as n from grid group by level');
    return Object.fromEntries(rows.map((r) => [r.level, r.n]));
  }

  it('rejects a bad file whole, naming every bad line, and writes nothing', async () => {
    const bad = [
      'code,name,level,parent_code',
      '340100000000,合肥市,CITY,',
      '340102000000,瑶海区,COUNTY,340100000000',
      '3401020010,短码,TOWNSHIP,340102000000',
      '340102001000,明光路街道,TOWN,340102000000',
      '340102000000,重复,COUNTY,340100000000',
      '340199001000,无上级,TOWNSHIP,340199000000',
      '340102001001,跨级村,VILLAGE,340102000000',
    ].join('\n');
    const report = await importGrids(orm, bad);
    // Format, duplicate, parent and level problems in one pass (the old import needed two runs).
    // Each names the codes or cells it is about, so a console can explain it in its own language.
    expect(report.errors.map((p) => [p.line, p.column, p.reason, p.values])).toEqual([
      [4, 'code', 'BAD_FORMAT', ['3401020010']],
      [5, 'level', 'BAD_FORMAT', ['TOWN']],
      [6, 'code', 'DUPLICATE', ['340102000000']],
      [7, 'parent_code', 'UNKNOWN_PARENT', ['340199000000']],
      [8, 'level', 'WRONG_LEVEL', ['340102000000']],
    ]);
    expect(await levels()).toEqual({});
  });

  it('imports the whole 2022 division table of Hefei, and again without changes', async () => {
    const report = await importGrids(orm, divisions);
    expect(report.errors).toEqual([]);
    expect(report.inserted).toBe(1 + 12 + 160 + 1773);
    expect(await levels()).toEqual({ CITY: 1, COUNTY: 12, TOWNSHIP: 160, VILLAGE: 1773 });
    const again = await importGrids(orm, divisions);
    expect(again).toEqual({ dryRun: false, rows: 1946, inserted: 0, updated: 0, unchanged: 1946, errors: [] });
  });

  it('keeps scope columns right: every village carries its township, county and city', async () => {
    const [row] = await em().execute<{ wrong: number }[]>(
      `select count(*)::int as wrong from grid v join grid t on t.id = v.parent_id
       where v.level = 'VILLAGE' and (v.township_id <> t.id or v.county_id <> t.county_id or v.city_id <> t.city_id)`,
    );
    expect(row.wrong).toBe(0);
  });

  it('updates renamed rows and reports them', async () => {
    const renamed = divisions.replace('340102001000,明光路街道', '340102001000,明光路街道(新)');
    const report = await importGrids(orm, renamed);
    expect(report).toMatchObject({ inserted: 0, updated: 1, errors: [] });
    const history = await em().execute<{ code: string; name: string }[]>('select code, name from grid_history');
    expect(history).toEqual([{ code: '340102001000', name: '明光路街道' }]);
  });
});
