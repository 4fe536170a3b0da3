import { Client } from 'pg';
import { cloneDatabase, TEMPLATE_SEEDED } from '../../test/databases';
import { DISTRIBUTION_COLUMN, placementOf, tablesPlaced, type Placement } from '../distribution';
import { citusLayoutSql, declarationGaps, distributionGaps, readKeys, type KeyedTable } from '../distribution-audit';

describe('distributable by county (db/distribution.ts, docs/scaling.md)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let client: Client;
  const catalogue = (): Promise<KeyedTable[]> => readKeys(async (sql) => (await client.query(sql)).rows);

  beforeAll(async () => {
    // The seeded template: migrated by every migration there is, with rows in the tables.
    database = await cloneDatabase(TEMPLATE_SEEDED);
    client = new Client(database.url);
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('every table is placed, and every key and foreign key of a distributed table carries county_key', async () => {
    const tables = await catalogue();
    expect(tables.length).toBeGreaterThan(50);
    expect(declarationGaps()).toEqual([]);
    expect(distributionGaps(tables)).toEqual([]);
    // The layout is a real one: the case family is distributed, the code lists are not.
    expect(tablesPlaced('distributed')).toEqual(expect.arrayContaining(['case', 'case_event', 'case_assignment', 'pollution_source', 'inspection']));
    expect(['grid', 'account', 'case_category', 'time_limit'].map(placementOf)).toEqual(['reference', 'reference', 'reference', 'reference']);
  });

  it('lays the schema out for Citus in an order it accepts: every table once, after the tables it references', async () => {
    const tables = await catalogue();
    const script = citusLayoutSql(tables);
    if (process.env.GW_PRINT_CITUS_LAYOUT) console.log(script.join('\n'));
    const named = script.map((line) => /\('"?([a-z_]+)"?'/.exec(line)![1]);
    expect([...named].sort()).toEqual(tables.map((t) => t.table).sort());
    for (const t of tables) {
      for (const fk of t.foreignKeys) {
        const parent = fk.references.replace(/"/g, '');
        if (parent !== t.table) expect([t.table, named.indexOf(parent) < named.indexOf(t.table)]).toEqual([t.table, true]);
      }
    }
    expect(script.filter((line) => line.includes('create_distributed_table')).every((line, i) => i === 0 || line.includes("colocate_with => 'pollution_source'"))).toBe(true);
  });

  it('fills the key of a new row from the row it belongs to, else from its own territory', async () => {
    const [row] = (
      await client.query<{ id: number; county_key: number; territory: number }>(
        `select id, county_key, coalesce(county_id, city_id) as territory from "case" order by id limit 1`,
      )
    ).rows;
    expect(row.county_key).toBe(row.territory);
    // A case moved to another county keeps its shard: an event written later follows the case, not its own columns.
    await client.query('begin');
    try {
      const other = (await client.query<{ id: number }>(`select id from grid where level = 'COUNTY' and id <> $1 limit 1`, [row.territory])).rows[0].id;
      await client.query(`update "case" set county_id = $2 where id = $1`, [row.id, other]);
      const [event] = (
        await client.query<{ county_key: number; county_id: number }>(
          `insert into case_event (case_id, grid_id, city_id, county_id, action, to_status, at)
           select id, grid_id, city_id, county_id, 'RECOMPUTE_DEADLINE', status, now() from "case" where id = $1 returning county_key, county_id`,
          [row.id],
        )
      ).rows;
      expect(event).toEqual({ county_key: row.county_key, county_id: other });
    } finally {
      await client.query('rollback');
    }
  });

  // The test of the test: a fixture table breaking each rule is reported.
  it('reports a table without placement, a key or foreign key without county_key, and a reference table pointing at a distributed one', async () => {
    const fixtures: Record<string, Placement> = { fixture_bare: 'distributed', fixture_child: 'distributed', fixture_lookup: 'reference', fixture_nullable: 'distributed' };
    const placement = (table: string): Placement | undefined => fixtures[table] ?? placementOf(table);
    await client.query(`create table fixture_bare (id int primary key, note text)`);
    await client.query(`create table fixture_child (id int, county_key int not null, bare_id int references fixture_bare (id), code text,
      primary key (id, county_key))`);
    await client.query(`create unique index fixture_child_code on fixture_child (code)`);
    await client.query(`create table fixture_lookup (id int primary key, case_id int, case_key int,
      foreign key (case_id, case_key) references "case" (id, county_key))`);
    await client.query(`create table fixture_nullable (id int, county_key int, unique (id, county_key))`);
    await client.query(`create table fixture_unplaced (id int primary key)`);
    try {
      const gaps = distributionGaps(await catalogue(), placement);
      expect(gaps).toEqual([
        `fixture_bare: distributed, but has no ${DISTRIBUTION_COLUMN}`,
        'fixture_bare: primary key fixture_bare_pkey (id) lacks county_key',
        'fixture_child: unique fixture_child_code (code) lacks county_key',
        'fixture_child: foreign key fixture_child_bare_id_fkey to fixture_bare does not carry county_key',
        'fixture_lookup: a reference table with foreign key fixture_lookup_case_id_case_key_fkey to the distributed case',
        'fixture_nullable: distributed, but its county_key may be null',
        'fixture_unplaced: neither distributed nor a reference or coordinator table (db/distribution.ts)',
      ]);
    } finally {
      await client.query(`drop table fixture_lookup, fixture_child, fixture_bare, fixture_nullable, fixture_unplaced`);
    }
  });
});
