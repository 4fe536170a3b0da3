import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../../../common/clock';
import { isBaseline, knownMigrations, migrateDatabase, migrationHistory } from '../../../db/migration-chain';
import { cloneDatabase, queryAt } from '../../../test/databases';
import { expectSameSchema, OLDEST_SCHEMA_ROWS, schemaCatalog } from '../../../test/schema-catalog';
import { TEST_CLOCK_START } from '../../../test/time';
import { createBackup } from '../create-backup';
import { restoreBackup } from '../restore-backup';

const known = knownMigrations();
const baseline = known.find((m) => isBaseline(m.name))!.name;
const legacy = known.filter((m) => m.name < baseline).map((m) => m.name);
const since = known.slice(legacy.length + 1).map((m) => m.name);

const sql = queryAt;

/**
 * Backups taken before the squash name the old migrations: restore builds the backup's schema
 * along the old chain, loads the rows, then runs the rest of it and records the baseline.
 */
describe('restoring a backup taken on the old migration chain', () => {
  const dbs: { drop: () => Promise<void> }[] = [];
  const newDatabase = async (): Promise<string> => {
    const db = await cloneDatabase('template0');
    dbs.push(db);
    return db.url;
  };
  let work: string;
  let fresh: string[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gw-restore-legacy-'));
    const url = await newDatabase();
    await migrateDatabase(url);
    fresh = await schemaCatalog(url);
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  /** A database at `to` on the old chain with rows, backed up. */
  async function oldBackup(to: string): Promise<{ archive: string; migrations: string[] }> {
    const source = await newDatabase();
    await migrateDatabase(source, { to });
    await sql(source, OLDEST_SCHEMA_ROWS);
    const archive = path.join(work, `${to}.tar.gz`);
    const manifest = await createBackup({ databaseUrl: source, evidenceDir: path.join(work, 'evidence'), out: archive, clock: new FakeClock(TEST_CLOCK_START) });
    return { archive, migrations: manifest.migrations };
  }

  it('from the middle of the chain: the backup migrations before loading, the newer ones and the baseline after; rows and schema as a new database', async () => {
    const middle = legacy.indexOf('Migration20261129000000_rls_level_roles');
    const { archive, migrations } = await oldBackup(legacy[middle]);
    expect(migrations).toEqual(legacy.slice(0, middle + 1));

    const target = await newDatabase();
    const result = await restoreBackup({ backup: archive, databaseUrl: target, evidenceDir: path.join(work, 'restored') });
    expect(result.upgraded).toEqual([...legacy.slice(middle + 1), ...known.slice(legacy.length).map((m) => m.name)]);
    expect(await migrationHistory(target)).toEqual([...legacy, ...known.slice(legacy.length).map((m) => m.name)]);
    expect(await sql(target, `select login, display_name, unit_id from account`)).toEqual([{ login: 'old-admin', display_name: '老管理员', unit_id: 1 }]);
    expect(await sql(target, `select id, name from grid order by id`)).toEqual([{ id: 1, name: '合肥市' }, { id: 2, name: '瑶海区' }]);
    expectSameSchema(await schemaCatalog(target), fresh);
  });

  it('from the end of the old chain, upgraded (baseline recorded): restored along the same path, nothing left to run', async () => {
    const { archive } = await oldBackup(legacy[legacy.length - 1]);
    const upgradedSource = await newDatabase();
    await restoreBackup({ backup: archive, databaseUrl: upgradedSource, evidenceDir: path.join(work, 'restored') });
    const again = path.join(work, 'upgraded.tar.gz');
    const manifest = await createBackup({ databaseUrl: upgradedSource, evidenceDir: path.join(work, 'restored'), out: again, clock: new FakeClock(TEST_CLOCK_START) });
    expect(manifest.migrations).toEqual([...legacy, baseline, ...since]);

    const target = await newDatabase();
    const result = await restoreBackup({ backup: again, databaseUrl: target, evidenceDir: path.join(work, 'restored-2') });
    expect(result.upgraded).toEqual([]);
    expect(await migrationHistory(target)).toEqual([...legacy, baseline, ...since]);
    expect(await sql(target, `select count(*)::int as n from account`)).toEqual([{ n: 1 }]);
    expectSameSchema(await schemaCatalog(target), fresh);
  });
});
