import { Client } from 'pg';
import { fromGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { verifyChains } from '../case-chain.service';
import { report, walk, seeded, type Seeded } from './workflow-helpers';

const FEED = `query($after: String, $unit: ID) { caseEvents(after: $after, unit: $unit, first: 500) { nodes { id action } endCursor hasMore } }`;
type Feed = { caseEvents: { nodes: { id: string; action: string }[]; endCursor: string | null; hasMore: boolean } };

describe('tamper-evident timeline and change feed', () => {
  let app: TestApp;
  let s: Seeded;
  let dust: string;
  let village: string;
  let feidongId: number;

  beforeAll(async () => {
    app = await startTestApp();
    s = await seeded(app);
    dust = s.dust;
    village = s.village;
    feidongId = fromGlobalId('Grid', await s.grid('340122000000'));
  });
  afterAll(() => app.close());

  const admin = async (): Promise<Client> => {
    const client = new Client(app.databaseUrl);
    await client.connect();
    return client;
  };

  it('seeded and new events chain per county; concurrent events of one county never fork the chain', async () => {
    const worker = await app.as('gridworker');
    await Promise.all(Array.from({ length: 12 }, () => report(worker, { gridId: village, categoryId: dust })));
    const reports = await verifyChains(app.ownerOrm.em.fork());
    expect(reports.length).toBeGreaterThan(5);
    expect(reports.filter((r) => r.broken)).toEqual([]);
    const feidong = reports.find((r) => r.chainKey === feidongId)!;
    const [{ n }] = await app.ownerOrm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from case_event where county_id = ?`, [feidongId]);
    expect(feidong.events).toBe(n);
  });

  it('the application cannot update or delete events', async () => {
    const em = app.ownerOrm.em.fork();
    await expect(em.execute(`update case_event set note = 'changed' where id = (select min(id) from case_event)`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from case_event where id = (select min(id) from case_event)`)).rejects.toThrow(/append-only/);
  });

  it('digest v2 covers the deadline (due_at); an event chained with v1 still verifies as before', async () => {
    const client = await admin();
    const asSuperuser = async (sql: string, values: unknown[]) => {
      // Triggers off (replica): the append-only guard would refuse these edits.
      await client.query('begin');
      await client.query(`set local session_replication_role = replica`);
      await client.query(sql, values);
      await client.query('commit');
    };
    const broken = async () => (await verifyChains(app.ownerOrm.em.fork(), feidongId))[0].broken;
    try {
      const { rows } = await client.query<{ id: string; version: number | null; due_at: Date | null; note: string | null }>(
        `select id, digest_version as version, due_at, note from case_event where chain_key = $1 and due_at is not null order by chain_seq desc limit 2`,
        [feidongId],
      );
      expect(rows.map((r) => r.version)).toEqual([2, 2]);
      const [last, earlier] = rows;
      const isLast = await client.query(`select 1 from case_event_chain h join case_event e on e.chain_key = h.chain_key and e.chain_seq = h.seq where e.id = $1`, [last.id]);
      expect(isLast.rowCount).toBe(1);
      // A v2 event whose deadline is moved no longer matches its hash; moved back, the chain holds.
      await asSuperuser(`update case_event set due_at = due_at + interval '1 day' where id = $1`, [earlier.id]);
      expect(await broken()).toMatchObject({ eventId: Number(earlier.id), problem: expect.stringMatching(/edited/) });
      await asSuperuser(`update case_event set due_at = $2 where id = $1`, [earlier.id, earlier.due_at]);
      expect(await broken()).toBeNull();
      // The chain's last event as one chained before v2: its v1 digest verifies, and v1 never covered due_at.
      await asSuperuser(`update case_event set digest_version = null where id = $1`, [last.id]);
      await asSuperuser(`update case_event set hash = case_event_digest(prev_hash, case_event) where id = $1`, [last.id]);
      await asSuperuser(`update case_event_chain h set hash = e.hash from case_event e where e.id = $1 and h.chain_key = e.chain_key`, [last.id]);
      expect(await broken()).toBeNull();
      await asSuperuser(`update case_event set due_at = due_at + interval '1 day' where id = $1`, [last.id]);
      expect(await broken()).toBeNull();
      await asSuperuser(`update case_event set note = '篡改' where id = $1`, [last.id]);
      expect(await broken()).toMatchObject({ eventId: Number(last.id), problem: expect.stringMatching(/edited/) });
      await asSuperuser(`update case_event set note = $2 where id = $1`, [last.id, last.note]);
    } finally {
      await client.end();
    }
  });

  it('the verifier names the first link edited behind the application’s back', async () => {
    const client = await admin();
    try {
      const { rows } = await client.query<{ id: string }>(`select id from case_event where chain_key = $1 order by chain_seq offset 3 limit 1`, [feidongId]);
      // A superuser switching triggers off: what the chain is there to reveal.
      await client.query('begin');
      await client.query(`set local session_replication_role = replica`);
      await client.query(`update case_event set note = '篡改' where id = $1`, [rows[0].id]);
      await client.query('commit');
      const reports = await verifyChains(app.ownerOrm.em.fork(), feidongId);
      expect(reports[0].broken).toMatchObject({ eventId: Number(rows[0].id), problem: expect.stringMatching(/edited/) });
      expect((await verifyChains(app.ownerOrm.em.fork())).filter((r) => r.broken).map((r) => r.chainKey)).toEqual([feidongId]);
    } finally {
      await client.end();
    }
  });

  it('the change feed returns each event once, in commit-safe order, while a slow transaction holds an earlier id', async () => {
    const city = await app.as('cityadmin');
    const township = await app.as('township');
    const worker = await app.as('gridworker');
    // Start from the current end of the feed: every event committed so far handed out (a
    // transaction still running in another test file's database holds the horizon back).
    const [{ committed }] = await app.ownerSql<{ committed: number }>('select count(*)::int as committed from case_event');
    const caughtUp = new Set<string>();
    let cursor: string | null = null;
    for (let round = 0; round < 200; round++) {
      const page: Feed = await city.data<Feed>(FEED, { after: cursor });
      page.caseEvents.nodes.forEach((n) => caughtUp.add(n.id));
      cursor = page.caseEvents.endCursor;
      if (!page.caseEvents.hasMore && caughtUp.size >= committed) break;
      if (!page.caseEvents.hasMore) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seen: string[] = [];
    // One integrator polls serially (each call continues from the previous cursor).
    let polling = Promise.resolve();
    const poll = (): Promise<void> =>
      (polling = polling.then(async () => {
        const page = await city.data<Feed>(FEED, { after: cursor });
        seen.push(...page.caseEvents.nodes.map((n) => n.id));
        cursor = page.caseEvents.endCursor;
      }));

    // A slow transaction takes an event id first and commits last. It writes in another county:
    // within one county the chain lock already serialises writers in commit order.
    const slow = await admin();
    const yaohai = s.yaohaiGrid;
    const kase = await report(await app.as('operator'), { gridId: yaohai, categoryId: dust });
    await slow.query('begin');
    const { rows } = await slow.query<{ id: string }>(
      `insert into case_event (city_id, county_id, township_id, case_id, grid_id, action, from_status, to_status, at)
       select city_id, county_id, township_id, id, grid_id, 'FILE', 'REPORTED', 'FILED', now() from "case" where id = $1 returning id`,
      [fromGlobalId('Case', kase.id)],
    );
    // Meanwhile others commit events with larger ids, and the integrator keeps polling.
    const writers = Array.from({ length: 6 }, async () => {
      const c = await report(worker, { gridId: village, categoryId: dust });
      await walk(township, 'ESCALATE', c);
      await poll();
    });
    await Promise.all(writers);
    await poll();
    const slowId = Number(rows[0].id);
    const seenIds = () => seen.map((id) => fromGlobalId('CaseEvent', id));
    // Nothing committed after the slow transaction began has been handed out past it.
    expect(seenIds().every((id) => id < slowId)).toBe(true);
    await slow.query('commit');
    await slow.end();
    const [{ expected }] = await app.ownerOrm.em.fork().execute<{ expected: string[] }[]>(
      `select array_agg(id order by id) as expected from case_event where id >= (select min(id) from case_event where case_id = ?)`,
      [fromGlobalId('Case', kase.id)],
    );
    // The feed hands an event out once no older transaction is still running anywhere on the
    // server (transaction ids are cluster-wide: other test files' databases count), so poll
    // until everything committed has come through, or give up after 20 s.
    for (let round = 0; round < 200 && seenIds().length < expected.length; round++) {
      await poll();
      if (seenIds().length < expected.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const ids = seenIds();
    expect(new Set(ids).size).toBe(ids.length); // no repeats
    expect([...ids].sort((a, b) => a - b)).toEqual(expected.map(Number)); // none missed
    expect(ids).toContain(slowId);
  });

  it('the feed is bounded by unit and territory', async () => {
    const feidong = await app.as('feidong');
    const unit = await s.grid('340102000000');
    const other = await feidong.request<Feed>(FEED, { unit });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const mine = await feidong.data<Feed>(FEED, {});
    const counties = await app.ownerOrm.em.fork().execute<{ county_id: number }[]>(
      `select distinct county_id from case_event where id in (${mine.caseEvents.nodes.map((n) => fromGlobalId('CaseEvent', n.id)).join(',')})`,
    );
    expect(counties).toEqual([{ county_id: feidongId }]);
  });
});

