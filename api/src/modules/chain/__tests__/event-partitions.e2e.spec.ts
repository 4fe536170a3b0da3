import { MikroORM } from '@mikro-orm/postgresql';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { REFERENCE_ANCHOR } from '@gridwatch/seeds';
import { randomBytes } from 'node:crypto';
import { FakeClock } from '../../../common/clock';
import { fromGlobalId } from '../../../common/global-id';
import { isBaseline, knownMigrations, migrateDatabase } from '../../../db/migration-chain';
import { ormConfig } from '../../../db/orm.config';
import { seedIfEmpty } from '../../../db/seed';
import { EVENT_PARTITIONS, schedulerTasks } from '../../../scheduler/scheduler';
import { queryAt as query, withDatabase } from '../../../test/databases';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { beijing } from '../../../test/time';
import { verifyChains } from '../../case/case-chain.service';
import { report, seeded } from '../../case/__tests__/workflow-helpers';

const BEFORE = 'Migration20261208030000_case_rollups';
const PARTITIONING = 'Migration20261209030000_event_partitions';
const known = knownMigrations();
const BASELINE = known.find((m) => isBaseline(m.name))!.name;
/** A database that began on the old chain (before the squash) goes on along it: its history names its first migration. */
const OLD_CHAIN = [known[0].name];

/** Every event as COPY would write it, hashes included: what must not change. */
const EVENTS = `select e::text as row from case_event e order by id`;
const HEADS = `select chain_key, seq::text, hash from case_event_chain order by chain_key`;

describe('the event log partitioned by month (Migration20261209030000_event_partitions)', () => {
  it('moves the seeded events verbatim: every row and hash, the chain heads, and the chain still verifies', async () => {
    const admin = process.env.GW_TEST_ADMIN_URL!;
    const name = `gw_test_${randomBytes(6).toString('hex')}`;
    await query(admin, `create database ${name}`);
    const url = withDatabase(admin, name);
    const orm = await MikroORM.init(ormConfig(url));
    try {
      await migrateDatabase(url, { history: OLD_CHAIN, to: BEFORE });
      await seedIfEmpty(url, REFERENCE_ANCHOR);
      const events = await query<{ row: string }>(url, EVENTS);
      const heads = await query(url, HEADS);
      expect(events.length).toBeGreaterThan(900);

      const started = performance.now();
      expect(await migrateDatabase(url, { to: PARTITIONING })).toEqual([BASELINE, PARTITIONING]);
      console.info(`${PARTITIONING} on the demo seed (${events.length} events): ${Math.round(performance.now() - started)} ms`);

      expect(await query(url, `select relkind::text from pg_class where relname = 'case_event'`)).toEqual([{ relkind: 'p' }]);
      expect(await query<{ row: string }>(url, EVENTS)).toEqual(events);
      expect(await query(url, HEADS)).toEqual(heads);
      // Each month of the seed has its partition; nothing waits in DEFAULT.
      const months = await query<{ partition: string; n: number }>(url, `select tableoid::regclass::text as partition, count(*)::int as n from case_event group by 1 order by 1`);
      expect(months.map((m) => m.partition)).toEqual(Array.from({ length: 11 }, (_, i) => `case_event_y2026m${String(i + 1).padStart(2, '0')}`));
      expect((await verifyChains(orm.em.fork())).filter((c) => c.broken)).toEqual([]);
    } finally {
      await orm.close(true);
      await query(admin, `drop database if exists ${name} with (force)`);
    }
  });

  describe('on whatever date the system runs (an injected clock in 2033)', () => {
    const clock = new FakeClock(beijing('2033-05-10T09:00:00'));
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ clock });
    });
    afterAll(() => app?.close());

    it('an event of a month without a partition lands in DEFAULT; the daily job gives it its month and the months ahead', async () => {
      const s = await seeded(app);
      const kase = await report(await app.as('gridworker'), { gridId: s.village, categoryId: s.dust });
      const where = async () => app.ownerSql<{ partition: string }>(`select tableoid::regclass::text as partition from case_event where case_id = $1`, [fromGlobalId('Case', kase.id)]);
      expect(await where()).toEqual([{ partition: 'case_event_default' }]);

      await quickAddJob({ connectionString: app.databaseUrl }, EVENT_PARTITIONS, {});
      await runOnce({ connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock), logger: new Logger(() => () => undefined) });
      expect(await where()).toEqual([{ partition: 'case_event_y2033m05' }]);
      expect(await app.ownerSql(`select count(*)::int as n from case_event_default`)).toEqual([{ n: 0 }]);
      const made = await app.ownerSql<{ name: string }>(`select relname as name from pg_class where relname like 'case_event_y2033%' and relkind = 'r' order by 1`);
      expect(made.map((m) => m.name)).toEqual(['case_event_y2033m05', 'case_event_y2033m06', 'case_event_y2033m07']);
      // Sealed off like the migration's: reached through case_event's policies only.
      expect(await app.ownerSql(`select relrowsecurity and relforcerowsecurity as sealed, has_table_privilege('gridwatch_county', oid, 'select') as readable from pg_class where relname = 'case_event_y2033m06'`)).toEqual([
        { sealed: true, readable: false },
      ]);
      // The moved event is still where its chain says, and the next one links to it.
      await report(await app.as('gridworker'), { gridId: s.village, categoryId: s.dust });
      expect((await verifyChains(app.ownerOrm.em.fork())).filter((c) => c.broken)).toEqual([]);
    });
  });
});
