import { Migration } from '@mikro-orm/migrations';
import { cloneDatabase, queryAt } from '../../test/databases';
import { isBaseline, knownMigrations, migrateDatabase, migrationHistory, type ChainMigration } from '../migration-chain';
import { catalogDiff, expectSameSchema, OLDEST_SCHEMA_ROWS, schemaCatalog } from '../../test/schema-catalog';

/** A migration written after the squash against the old chain's schema (as other branches do). */
class Migration20261209990000_after_squash extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table grid add column probe_note text not null default 'none';`);
    this.addSql(`create index grid_probe_note_index on grid (probe_note);`);
  }
}
const AFTER = { name: 'Migration20261209990000_after_squash', class: Migration20261209990000_after_squash };

const known = knownMigrations();
const baseline = known.find((m) => isBaseline(m.name))!;
const legacy = known.filter((m) => m.name < baseline.name);
/** Migrations written after the squash that are part of the code (they run after the baseline on every path). */
const since = known.slice(legacy.length + 1).map((m) => m.name);
const withAfter: ChainMigration[] = [...known, AFTER];

const sql = queryAt;

describe('the migration baseline', () => {
  const dbs: { drop: () => Promise<void> }[] = [];
  const newDatabase = async (): Promise<string> => {
    const db = await cloneDatabase('template0');
    dbs.push(db);
    return db.url;
  };
  let fresh: string[];

  beforeAll(async () => {
    const url = await newDatabase();
    expect(await migrateDatabase(url, { known: withAfter })).toEqual([baseline.name, ...since, AFTER.name]);
    fresh = await schemaCatalog(url);
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('is the newest of the chain: squashes every legacy migration, and a new database runs only it (and what follows)', async () => {
    expect(legacy.length).toBeGreaterThanOrEqual(63);
    expect(known.filter((m) => isBaseline(m.name))).toEqual([baseline]);
    const url = await newDatabase();
    expect(await migrateDatabase(url)).toEqual(known.slice(legacy.length).map((m) => m.name));
    expect(await migrationHistory(url)).toEqual([baseline.name, ...since]);
    // The catalogue is a real description: thousands of facts, of every kind.
    expect(fresh.length).toBeGreaterThan(1500);
    for (const kind of ['policy', 'trigger', 'function', 'index', 'constraint', 'grant on relation', 'default privilege', 'sequence', 'type', 'column']) {
      expect(fresh.some((line) => line.startsWith(`${kind}: `))).toBe(true);
    }
  });

  it('upgrades a database of the oldest schema (first migration, rows in it) through the whole chain to the same schema; the rows survive', async () => {
    const url = await newDatabase();
    expect(await migrateDatabase(url, { to: legacy[0].name })).toEqual([legacy[0].name]);
    await sql(url, OLDEST_SCHEMA_ROWS);

    const applied = await migrateDatabase(url, { known: withAfter });
    expect(applied).toEqual([...legacy.slice(1).map((m) => m.name), baseline.name, ...since, AFTER.name]);
    expect(await migrationHistory(url)).toEqual([...legacy.map((m) => m.name), baseline.name, ...since, AFTER.name]);
    expectSameSchema(await schemaCatalog(url), fresh);

    expect(await sql(url, `select login, display_name, unit_id, role::text, department_id from account order by id`)).toEqual([
      { login: 'old-admin', display_name: '老管理员', unit_id: 1, role: 'CITY_ADMIN', department_id: 1 },
    ]);
    expect(await sql(url, `select id, code, name, level::text, parent_id, probe_note from grid order by id`)).toEqual([
      { id: 1, code: '340100', name: '合肥市', level: 'CITY', parent_id: null, probe_note: 'none' },
      { id: 2, code: '340102', name: '瑶海区', level: 'COUNTY', parent_id: 1, probe_note: 'none' },
    ]);
    expect(await sql(url, `select name from department union all select name from case_category order by 1`)).toEqual([{ name: '合肥市生态环境局' }, { name: '扬尘' }]);
    // Running again does nothing on either path.
    expect(await migrateDatabase(url, { known: withAfter })).toEqual([]);
  });

  it('upgrades a database from the middle of the chain (the level roles) to the same schema', async () => {
    const middle = legacy.findIndex((m) => m.name.endsWith('_rls_level_roles'));
    expect(middle).toBeGreaterThan(10);
    const url = await newDatabase();
    await migrateDatabase(url, { to: legacy[middle].name });
    await sql(url, OLDEST_SCHEMA_ROWS);
    expect(await migrateDatabase(url, { known: withAfter })).toEqual([...legacy.slice(middle + 1).map((m) => m.name), baseline.name, ...since, AFTER.name]);
    expectSameSchema(await schemaCatalog(url), fresh);
    expect(await sql(url, `select count(*)::int as n from grid`)).toEqual([{ n: 2 }]);
  });

  it('a database that ran the whole old chain only records the baseline, then runs what follows it', async () => {
    const url = await newDatabase();
    await migrateDatabase(url, { to: legacy[legacy.length - 1].name });
    expect(await migrateDatabase(url, { known: withAfter })).toEqual([baseline.name, ...since, AFTER.name]);
    expectSameSchema(await schemaCatalog(url), fresh);
  });

  it('refuses a database with migrations this version does not know', async () => {
    const url = await newDatabase();
    await migrateDatabase(url);
    await sql(url, `insert into mikro_orm_migrations (name) values ('Migration29991231000000_future')`);
    await expect(migrateDatabase(url)).rejects.toThrow(/migrations this version does not know: Migration29991231000000_future/);
  });

  it('test of the test: a baseline that diverges from the chain (an index missing, a default changed) is caught, both in the diff', async () => {
    const Baseline = baseline.class;
    class Divergent extends Migration {
      override async up(): Promise<void> {
        const real = new Baseline(this.driver, this.config);
        await real.up();
        for (const query of real.getQueries()) this.addSql(query);
        this.addSql('drop index grid_name_trgm_index;');
        this.addSql('alter table grid alter column active set default false;');
      }
    }
    const url = await newDatabase();
    await migrateDatabase(url, { known: withAfter.map((m) => (m === baseline ? { name: m.name, class: Divergent } : m)) });
    const diff = catalogDiff(await schemaCatalog(url), fresh);
    expect(diff).toEqual([
      expect.stringMatching(/^- column: grid\.active #\d+ boolean not null default false$/),
      expect.stringMatching(/^\+ column: grid\.active #\d+ boolean not null default true$/),
      expect.stringMatching(/^\+ index: CREATE INDEX grid_name_trgm_index ON public\.grid/),
    ]);
    expect(() => expectSameSchema(fresh.filter((line) => !line.includes('grid_name_trgm_index')), fresh)).toThrow(/the schemas differ[^]*grid_name_trgm_index/);
  });
});
