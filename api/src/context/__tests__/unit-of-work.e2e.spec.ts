import { stringify } from 'csv-stringify/sync';
import { creditCodeCheckChar } from '@gridwatch/domain';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { FakeClock } from '../../common/clock';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { caseWorkflow } from '../../modules/case/case-workflow.service';
import { CaseAction } from '../../modules/case/case.enums';
import { DEADLINE_SWEEP, schedulerTasks } from '../../scheduler/scheduler';
import { systemContext } from '../system-context';
import { beijing, TEST_CLOCK_START } from '../../test/time';
import { startTestApp, type GraphQLClient, type TestApp } from '../../test/test-app';
import { report, seeded, step, walk, type Seeded } from '../../modules/case/__tests__/workflow-helpers';

/**
 * Test-only instruments, installed as the owner in this test's own database: every write to the
 * watched tables records the transaction it ran in (`txid_current()`), and a table named in
 * `test_fault` refuses its next write, to interrupt a unit of work between its writes.
 */
const INSTRUMENTS = `
  create table test_xact_log (tbl text not null, case_id bigint, row_id bigint, xact bigint not null);
  create table test_fault (tbl text primary key);
  create function test_record_xact() returns trigger language plpgsql security definer set search_path = public as $$
  declare
    -- A partition's row (case_event_y2026m11) is named by its partitioned table (case_event).
    watched text := coalesce((select inhparent::regclass::text from pg_inherits where inhrelid = TG_RELID), TG_TABLE_NAME);
  begin
    if exists (select 1 from test_fault f where f.tbl = watched) then
      raise exception 'fault injected into %', watched;
    end if;
    insert into test_xact_log values (watched, (to_jsonb(NEW) ->> 'case_id')::bigint, (to_jsonb(NEW) ->> 'id')::bigint, txid_current());
    return NEW;
  end $$;
  create trigger test_xact after insert or update on "case" for each row execute function test_record_xact();
  create trigger test_xact after insert on case_event for each row execute function test_record_xact();
  create trigger test_xact after insert on case_alert for each row execute function test_record_xact();
  create trigger test_xact after insert or update on pollution_source for each row execute function test_record_xact();
  create trigger test_xact after insert on pollution_source_change for each row execute function test_record_xact();
`;

/** A valid code registered in 瑶海区 (340102). */
const creditCode = (n: number): string => {
  const first17 = `91340102MA3${String(n).padStart(6, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

describe('one unit of work: a transition, escalation or import commits with its event or not at all', () => {
  const clock = new FakeClock(TEST_CLOCK_START);
  let app: TestApp;
  let s: Seeded;
  beforeAll(async () => {
    app = await startTestApp({ clock });
    s = await seeded(app);
    await app.ownerSql(INSTRUMENTS);
  });
  afterAll(() => app.close());
  afterEach(() => app.ownerSql('delete from test_fault'));

  const fault = (table: string) => app.ownerSql('insert into test_fault values ($1)', [table]);
  const caseRow = async (id: number) =>
    (await app.ownerSql<{ status: string; version: number; handling_unit_id: number }>('select status, version, handling_unit_id from "case" where id = $1', [id]))[0];
  const everyCase = () => app.ownerSql<{ id: number; version: number }>('select id, version, status, handling_unit_id from "case" order by id');
  const eventsOf = async (id: number) => (await app.ownerSql<{ action: string }>('select action from case_event where case_id = $1 order by id', [id])).map((e) => e.action);
  /** The transactions after `since` that wrote the case row and its events. */
  const xactsOf = async (caseId: number, since: number) =>
    app.ownerSql<{ tbl: string; xact: string }>(
      `select distinct tbl, xact::text from test_xact_log
       where ((tbl = 'case' and row_id = $1) or (tbl = 'case_event' and case_id = $1)) and xact > $2 order by tbl`,
      [caseId, since],
    );
  const currentXact = async () => Number((await app.ownerSql<{ x: string }>('select txid_current()::text as x'))[0].x);

  describe('a scheduled escalation (deadline sweep job)', () => {
    const options = { connectionString: '', logger: new Logger(() => () => undefined) };
    const sweepJob = async () => {
      await quickAddJob({ ...options, connectionString: app.databaseUrl }, DEADLINE_SWEEP, {}, { jobKey: DEADLINE_SWEEP });
      await runOnce({ ...options, connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock) });
    };
    let late: number;

    it('a transition outside any unit of work is refused before it writes anything', async () => {
      const cases = await everyCase();
      const [{ id, version }] = await app.ownerSql<{ id: number; version: number }>(`select id, version from "case" where number = '340122-20261127-000001'`);
      const input = { id: toGlobalId('Case', id), version, reason: '单元测试' };
      await expect(caseWorkflow.apply(systemContext(app.ownerOrm, clock), CaseAction.ESCALATE, input)).rejects.toThrow(/inside a unit of work/);
      expect(await everyCase()).toEqual(cases);
    });

    it('interrupted between the case update and its event leaves the case untouched', async () => {
      [{ id: late }] = await app.ownerSql<{ id: number }>(`select id from "case" where number = '340122-20261127-000001'`);
      const before = await caseRow(late);
      const events = await eventsOf(late);
      const cases = await everyCase();
      // A week on, past its local limit: the sweep hands it up to the county (see local-limit.e2e.spec.ts).
      clock.set(beijing('2026-12-07T10:00:00'));
      await fault('case_event');
      await sweepJob();
      const [job] = await app.ownerSql<{ last_error: string | null }>(`select last_error from graphile_worker.jobs where key = $1`, [DEADLINE_SWEEP]);
      expect(job?.last_error).toMatch(/fault injected into case_event/);
      expect(await caseRow(late)).toEqual(before);
      expect(await eventsOf(late)).toEqual(events);
      // The first escalation the pass reached failed with its event, and the pass stopped there: no case moved.
      expect(await everyCase()).toEqual(cases);
      await app.ownerSql(`select graphile_worker.remove_job($1)`, [DEADLINE_SWEEP]);
    });

    it('commits each escalation with its event, one unit per escalation (a pass holds no chain for its whole length)', async () => {
      const since = await currentXact();
      await sweepJob();
      expect((await caseRow(late)).status).toBe('FILED');
      expect(await eventsOf(late)).toContain('ESCALATE');
      const [row, event] = await xactsOf(late, since);
      expect([row.tbl, event.tbl]).toEqual(['case', 'case_event']);
      expect(event.xact).toBe(row.xact);
      // Every escalated case in the transaction of its own event, and the pass in many transactions.
      const escalations = await app.ownerSql<{ n: number; xacts: number }>(
        `select count(*)::int as n, count(distinct xact)::int as xacts from test_xact_log e
          where e.tbl = 'case_event' and e.xact > $1 and exists (select 1 from test_xact_log c where c.tbl = 'case' and c.row_id = e.case_id and c.xact = e.xact)`,
        [since],
      );
      expect(escalations[0].n).toBeGreaterThan(1);
      expect(escalations[0].xacts).toBe(escalations[0].n);
    });
  });

  describe('a GraphQL transition', () => {
    let township: GraphQLClient;
    beforeAll(async () => {
      clock.set(beijing('2026-12-14T09:00:00'));
      township = await app.as('township');
    });

    it('interrupted at its event answers an error and leaves the case as it was', async () => {
      const worker = await app.as('gridworker');
      const reported = await report(worker, { gridId: s.village, categoryId: s.dust });
      const id = fromGlobalId('Case', reported.id);
      const before = await caseRow(id);
      await fault('case_event');
      const answer = await step(township, 'FILE', { id: reported.id, version: reported.version });
      expect(answer.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(answer.errors)).not.toMatch(/fault injected|case_event/);
      expect(await caseRow(id)).toEqual(before);
      expect(await eventsOf(id)).toEqual(['REPORT']);
    });

    it('writes the case and its event in one transaction, the request’s', async () => {
      const worker = await app.as('gridworker');
      const reported = await report(worker, { gridId: s.village, categoryId: s.dust });
      const id = fromGlobalId('Case', reported.id);
      const since = await currentXact();
      await walk(township, 'FILE', reported);
      const xacts = await xactsOf(id, since);
      expect(xacts.map((x) => x.tbl)).toEqual(['case', 'case_event']);
      expect(new Set(xacts.map((x) => x.xact)).size).toBe(1);
    });
  });

  describe('a REST import', () => {
    let yaohai: GraphQLClient;
    let grid: string;
    const upload = async (rows: unknown[][]) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(Buffer.from(stringify(rows, { bom: true })))]), 'sources.csv');
      const response = await fetch(`${app.url}/import/sources`, { method: 'POST', body: form, headers: { cookie: yaohai.cookie! } });
      return { status: response.status, text: await response.text() };
    };
    const file = (from: number) => [
      ['统一社会信用代码', '名称', '类型', '监管等级', '状态', '网格编码', '地址', '经度', '纬度'],
      [creditCode(from), `单元测试企业${from}`, '企业', '一般', '在产', grid, '瑶海区某路1号', '117.30', '31.86'],
      [creditCode(from + 1), `单元测试企业${from + 1}`, '企业', '一般', '在产', grid, '瑶海区某路2号', '117.31', '31.87'],
    ];
    const sources = async () => Number((await app.ownerSql<{ n: string }>('select count(*) as n from pollution_source'))[0].n);
    beforeAll(async () => {
      yaohai = await app.as('yaohai');
      [{ code: grid }] = await app.ownerSql<{ code: string }>(
        `select g.code from grid g join grid c on c.id = g.county_id where c.code = '340102000000' and g.level <> 'COUNTY' order by g.code limit 1`,
      );
    });

    it('interrupted at its history leaves no source written, and answers no SQL', async () => {
      const before = await sources();
      await fault('pollution_source_change');
      const answer = await upload(file(1));
      expect(answer.status).toBe(500);
      expect(answer.text).not.toMatch(/fault injected|pollution_source/);
      expect(await sources()).toBe(before);
    });

    it('writes the sources and their history in one transaction, the request’s', async () => {
      const since = await currentXact();
      const answer = await upload(file(1));
      expect(answer.status).toBe(200);
      const written = await app.ownerSql<{ tbl: string; xact: string }>(`select distinct tbl, xact::text from test_xact_log where xact > $1 order by tbl`, [since]);
      expect(written.map((w) => w.tbl)).toEqual(['pollution_source', 'pollution_source_change']);
      expect(new Set(written.map((w) => w.xact)).size).toBe(1);
    });
  });
});
