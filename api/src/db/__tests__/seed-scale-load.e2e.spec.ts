import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REFERENCE_ANCHOR, firstBrokenLink, loadProfile, nonEmptyTables } from '@gridwatch/seeds';
import { Client } from 'pg';
import { cloneDatabase, TEMPLATE_EMPTY, TEMPLATE_SEEDED } from '../../test/databases';

/**
 * The scale loader (seeds loadProfile with triggers skipped, as the city, province and nation
 * profiles load): the events it chains outside the trigger verify with the api's own verifier
 * and equal the trigger's chain, and the nation profile's grid is the division table's tree.
 */
const API_DIR = path.join(__dirname, '..', '..', '..');

async function verifyChain(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/cli/verify-chain.ts'], {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: url },
  });
  return stdout;
}

describe('the scale loader', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let client: Client;

  beforeEach(async () => {
    database = await cloneDatabase(TEMPLATE_EMPTY);
    client = new Client(database.url);
    await client.connect();
  });
  afterEach(async () => {
    await client?.end();
    await database?.drop();
  });

  it('chains the events as the trigger does: the same hashes as the trigger-loaded demo, intact for the verifier', async () => {
    const result = await loadProfile(client, 'hefei', { anchor: REFERENCE_ANCHOR, skipForeignKeyChecks: true, rebuildIndexes: true });
    expect(result.foreignKeyChecksSkipped).toBe(true);
    expect(result.phases.map((p) => p.phase)).toEqual(expect.arrayContaining(['build', 'copy case_event', 'verify chain', 'copy case_rollup_day']));

    // The indexes rebuilt after the COPY are valid, so the event log's months have them too.
    expect((await client.query(`select indexrelid::regclass::text as name from pg_index where not indisvalid`)).rows).toEqual([]);
    const report = await verifyChain(database.url);
    expect(report).toMatch(/chain intact/);
    expect(report).not.toMatch(/BROKEN/);
    // The template's demo was loaded with the trigger on: same seed and anchor, same chain.
    const chainSql = 'select id, chain_key, chain_seq, prev_hash, hash, digest_version from case_event order by id';
    const seeded = await cloneDatabase(TEMPLATE_SEEDED);
    const other = new Client(seeded.url);
    await other.connect();
    try {
      const [ours, theirs] = await Promise.all([client.query(chainSql), other.query(chainSql)]);
      expect(ours.rows.length).toBeGreaterThan(900);
      expect(ours.rows).toEqual(theirs.rows);
      const heads = 'select chain_key, seq, hash from case_event_chain order by chain_key';
      expect((await client.query(heads)).rows).toEqual((await other.query(heads)).rows);
      // The KPI rollup, rebuilt at the end of each load, alike.
      const kpi = `select unit_id, own, from_month::text, until_month::text, in_month::text, reported, due, closed, dispatches
        from case_kpi_rollup where reported <> 0 or due <> 0 or dispatches <> 0 order by 1, 2, 3, 4, 5`;
      const kept = (await client.query(kpi)).rows;
      expect(kept.length).toBeGreaterThan(10);
      expect(kept).toEqual((await other.query(kpi)).rows);
    } finally {
      await other.end();
      await seeded.drop();
    }
  });

  it('copies the cases frozen, in batches, into a table truncated in its transaction, and keeps the rows of tables it did not load', async () => {
    const kept = 'select count(*)::int as n from assessment_indicator';
    const before = (await client.query(kept)).rows;
    expect(before[0].n).toBeGreaterThan(0);
    // The BEFORE INSERT triggers dropped for the COPY (the shard key's, the chain's) come back as they were.
    const triggers = `select tgrelid::regclass::text as t, tgname, tgenabled, pg_get_triggerdef(oid) as def from pg_trigger
      where not tgisinternal and not (select relispartition from pg_class where oid = tgrelid) order by 1, 2`;
    const declared = (await client.query(triggers)).rows;
    expect(declared.filter((t) => t.tgname === 'case_county_key' && t.tgenabled === 'A')).toHaveLength(1);
    await loadProfile(client, 'hefei', { anchor: REFERENCE_ANCHOR, skipForeignKeyChecks: true, rebuildIndexes: true });
    expect((await client.query(triggers)).rows).toEqual(declared);
    // Every month of the event log has them too, the shard key's enabled always.
    const months = await client.query(`select p.relid::text as month from pg_partition_tree('case_event') p where p.isleaf
      and 2 <> (select count(*) from pg_trigger t where t.tgrelid = p.relid and (t.tgname, t.tgenabled) in (('case_event_chain', 'O'), ('case_event_county_key', 'A')))`);
    expect(months.rows).toEqual([]);
    await client.query('create extension if not exists pg_visibility');
    const frozen = await client.query<{ frozen: number; pages: number }>(
      `select all_frozen::int as frozen, pg_relation_size('"case"')::int / current_setting('block_size')::int as pages from pg_visibility_map_summary('"case"')`,
    );
    // Pages a COPY batch found empty are marked all-frozen (the batched insert, no BEFORE INSERT
    // trigger left on the table); one shared by two batches is frozen row by row, unmarked.
    expect(frozen.rows[0].frozen).toBeGreaterThan(frozen.rows[0].pages / 2);
    // The accounts are not truncated: the indicators (an api migration's rows) name their author.
    expect((await client.query(kept)).rows).toEqual(before);
  });

  it('finds an event whose content or link was changed after the load, and leaves the digest function as declared', async () => {
    await loadProfile(client, 'hefei', { anchor: REFERENCE_ANCHOR, skipForeignKeyChecks: true, rebuildIndexes: true });
    const marking = `select proparallel from pg_proc where oid = 'case_event_digest(text, case_event)'::regprocedure`;
    // Declared PARALLEL SAFE since Migration20261210090000; the load marks it so for its check
    // on a database migrated before, and restores that database's marking.
    expect((await client.query(marking)).rows).toEqual([{ proparallel: 's' }]);
    await client.query(`alter function case_event_digest(text, case_event) parallel unsafe`);
    const declared = (await client.query(marking)).rows;
    expect(declared).toEqual([{ proparallel: 'u' }]);
    expect(await firstBrokenLink(client)).toBeNull();
    expect((await client.query(marking)).rows).toEqual(declared);
    const [{ id }] = (await client.query<{ id: string }>(`select id::text from case_event order by id offset 40 limit 1`)).rows;
    // Past the append-only guard, as someone with the database's files could.
    const tamper = async (change: string): Promise<string | null> => {
      await client.query('begin');
      try {
        await client.query('set local session_replication_role = replica');
        await client.query(`update case_event set ${change} where id = $1`, [id]);
        return await firstBrokenLink(client);
      } finally {
        await client.query('rollback');
      }
    };
    expect(await tamper(`note = 'edited'`)).toBe(`event ${id}: content does not match its hash`);
    expect(await tamper(`prev_hash = repeat('0', 64)`)).toBe(`event ${id}: previous hash does not match`);
  });

  it('copies the rollups the generator counted, equal to the api\'s rebuild from the cases', async () => {
    // The demo has every status, closed cases and deadlines: each column of the rollups varies.
    await loadProfile(client, 'hefei', { anchor: REFERENCE_ANCHOR, skipForeignKeyChecks: true, rebuildIndexes: true });
    // Each table in its primary key's order.
    const tables = { case_rollup: '', case_rollup_due: ', due_day', case_rollup_day: ', day, kind' };
    const snapshot = async (): Promise<Record<string, unknown[]>> => {
      const out: Record<string, unknown[]> = {};
      for (const [t, key] of Object.entries(tables)) out[t] = (await client.query(`select * from ${t} order by unit_id, own, status, category_id${key}`)).rows;
      return out;
    };
    const copied = await snapshot();
    expect(copied.case_rollup_day.length).toBeGreaterThan(1000);
    const statuses = await client.query(`select count(distinct status)::int as n from case_rollup where closed > 0 or dated > 0`);
    expect(statuses.rows[0].n).toBeGreaterThan(3);
    await client.query('select gw_case_rollup_rebuild()');
    expect(copied).toEqual(await snapshot());
  });

  it('copies the KPI rollups of cases only reported as counted, equal to the api\'s rebuild from the events', async () => {
    // A scale profile's cases stay reported: the generator counts their KPI rows, the demo's are rebuilt.
    const spec = { cities: 2, sources: 300, cases: 3000 };
    const result = await loadProfile(client, 'city', { anchor: REFERENCE_ANCHOR, spec });
    expect(result.rows).toMatchObject({ case: 3000, case_kpi_case: 3000 });
    const snapshot = async (): Promise<unknown[][]> => [
      (await client.query(`select * from case_kpi_case order by case_id, from_month, in_month`)).rows,
      (await client.query(`select * from case_kpi_rollup order by unit_id, own, from_month, until_month, in_month`)).rows,
    ];
    const copied = await snapshot();
    expect(copied[1].length).toBeGreaterThan(100);
    await client.query('select gw_case_kpi_rebuild()');
    expect(copied).toEqual(await snapshot());
  });

  it('copies the rollups on a second connection and the events from a worker thread\'s file, as the one-connection load does; a failure on either commits nothing', async () => {
    const spec = { cities: 2, sources: 300, cases: 3000 };
    const connect = async (): Promise<Client> => {
      const side = new Client(database.url);
      await side.connect();
      return side;
    };
    const phases: string[] = [];
    const result = await loadProfile(client, 'city', { anchor: REFERENCE_ANCHOR, spec, connect, spoolEvents: true, onPhase: (p) => phases.push(p.phase) });
    expect(result.rows).toMatchObject({ case: 3000, case_event: 3000, case_kpi_case: 3000 });
    expect(phases).toEqual(expect.arrayContaining(['copy case_rollup_day (second connection)', 'copy case_event', 'verify chain']));
    expect(await verifyChain(database.url)).toMatch(/chain intact/);
    const rollups = 'select * from case_rollup_day order by unit_id, own, status, category_id, day, kind';
    const kpi = 'select * from case_kpi_rollup order by unit_id, own, from_month, until_month, in_month';
    const copied = [(await client.query(rollups)).rows, (await client.query(kpi)).rows];
    expect(copied[0].length).toBeGreaterThan(1000);
    await client.query('select gw_case_rollup_rebuild()');
    await client.query('select gw_case_kpi_rebuild()');
    expect([(await client.query(rollups)).rows, (await client.query(kpi)).rows]).toEqual(copied);

    const empty = async (): Promise<unknown[]> =>
      (await client.query(`select 'case_rollup_day' as t where exists (select 1 from case_rollup_day) union all select 'case_kpi_case' where exists (select 1 from case_kpi_case)`)).rows;
    // An empty database again.
    await client.end();
    await database.drop();
    database = await cloneDatabase(TEMPLATE_EMPTY);
    client = new Client(database.url);
    await client.connect();
    // The first connection fails after the second copied its tables: neither commits.
    const failing = loadProfile(client, 'city', {
      anchor: REFERENCE_ANCHOR, spec, connect, onPhase: (p) => {
        if (p.phase === 'sequences') throw new Error('stop here');
      },
    });
    await expect(failing).rejects.toThrow('stop here');
    expect(await nonEmptyTables(client)).toEqual([]);
    expect(await empty()).toEqual([]);
    // The second fails (a read-only session): the first rolls back too.
    const readOnly = async (): Promise<Client> => {
      const side = await connect();
      await side.query('set default_transaction_read_only = on');
      return side;
    };
    await expect(loadProfile(client, 'city', { anchor: REFERENCE_ANCHOR, spec, connect: readOnly })).rejects.toThrow(/read-only/);
    expect(await nonEmptyTables(client)).toEqual([]);
    expect(await empty()).toEqual([]);
  });

  it('loads a nation of one province: the division tree, its staff, sources and cases, chained and rolled up', async () => {
    const spec = { cities: 0, sources: 500, cases: 2000, nation: { provinces: ['34'] }, patrols: false };
    const result = await loadProfile(client, 'nation', { anchor: REFERENCE_ANCHOR, spec });
    expect(result.rows).toMatchObject({ grid: 16 + 119 + 1685 + 18334, pollution_source: 500, case: 2000, case_event: 2000, patrol_plan: 0 });

    const levels = await client.query<{ level: string; n: number }>(`select level::text, count(*)::int as n from grid group by 1 order by 1`);
    expect(levels.rows).toEqual([
      { level: 'CITY', n: 16 },
      { level: 'COUNTY', n: 119 },
      { level: 'TOWNSHIP', n: 1685 },
      { level: 'VILLAGE', n: 18334 },
    ]);
    // Every unit under its parent: the parent's level above, its code the prefix, its scope inherited.
    const misplaced = await client.query(`
      select g.code from grid g left join grid p on p.id = g.parent_id
      where case g.level
        when 'CITY' then g.parent_id is not null or g.city_id <> g.id
        when 'COUNTY' then p.level <> 'CITY' or left(g.code, 4) <> left(p.code, 4) or g.county_id <> g.id or g.city_id <> p.id
        when 'TOWNSHIP' then p.level <> 'COUNTY' or left(g.code, 6) <> left(p.code, 6) or g.township_id <> g.id or g.county_id <> p.id
        else p.level <> 'TOWNSHIP' or left(g.code, 9) <> left(p.code, 9) or g.township_id <> p.id or g.county_id <> p.county_id
      end is not false`);
    expect(misplaced.rows).toEqual([]);
    const hefei = await client.query(`select code, name from grid where parent_id is null order by id limit 1`);
    expect(hefei.rows).toEqual([{ code: '340100000000', name: '合肥市' }]);
    // The demo accounts sit on the real units (肥东县, 长临河镇 and its village 六家畈).
    const accounts = await client.query(`select a.login, g.code from account a join grid g on g.id = a.unit_id where a.login in ('feidong', 'township') order by 1`);
    expect(accounts.rows).toEqual([{ login: 'feidong', code: '340122000000' }, { login: 'township', code: '340122104000' }]);
    // A grid worker for every village and township; sources and cases only on leaves.
    const staffed = await client.query(`select count(*)::int as n from grid g where g.level in ('VILLAGE', 'TOWNSHIP') and not exists (select 1 from grid_worker_grid w where w.grid_id = g.id)`);
    expect(staffed.rows).toEqual([{ n: 0 }]);
    const offLeaf = await client.query(`select count(*)::int as n from "case" c where exists (select 1 from grid k where k.parent_id = c.grid_id)`);
    expect(offLeaf.rows).toEqual([{ n: 0 }]);

    expect(await verifyChain(database.url)).not.toMatch(/BROKEN/);
    // The rollups, copied as the generator counted them: each city's subtree counts its cases.
    const rolled = await client.query(`
      select r.unit_id, sum(r.cases)::int as cases from case_rollup r join grid g on g.id = r.unit_id and g.level = 'CITY' group by 1
      except select city_id, count(*)::int from "case" group by 1`);
    expect(rolled.rows).toEqual([]);
  });
});
