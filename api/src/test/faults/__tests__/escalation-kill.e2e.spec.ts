import { quickAddJob } from 'graphile-worker';
import { Client } from 'pg';
import { DEADLINE_SWEEP } from '../../../scheduler/scheduler';
import { startApiProcess, type ApiProcess } from '../../api-process';
import { cloneDatabase, queryAt, TEMPLATE_SEEDED } from '../../databases';
import { until } from '../fixtures';

/**
 * Fault: the API process dies (SIGKILL) in the middle of a scheduled escalation, between the
 * case's update and its event, and is started again: the case is untouched, and the interrupted
 * job runs once after the restart (not four hours later, when graphile-worker would give up
 * on its lock, and not twice).
 */
describe('fault: the API process killed inside a scheduled escalation', () => {
  let database: { url: string; drop: () => Promise<void> };
  let api: ApiProcess | undefined;
  let holder: Client | undefined;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryAt<T>(database.url, text, params);

  beforeAll(async () => {
    database = await cloneDatabase(TEMPLATE_SEEDED);
  });
  afterAll(async () => {
    await api?.kill();
    await holder?.end().catch(() => undefined);
    await database?.drop();
  });

  it('in the middle of a scheduled escalation: the case is untouched, and after the restart the job runs once', async () => {
    // Just past its local limit, the seeded no-platform case is due to be handed up by the sweep.
    const [late] = await sql<{ id: string; county_id: string; chain_key: number; due_at: Date }>(
      `select c.id::text, c.county_id::text, c.due_at, (select chain_key from case_event e where e.case_id = c.id limit 1) as chain_key from "case" c where number = '340122-20261127-000001'`,
    );
    const env = { SCHEDULER: 'on', GRIDWATCH_CLOCK_START: new Date(late.due_at.getTime() + 60_000).toISOString() };
    // The only case due then (the others' limits a year on): the sweep's work is this escalation.
    await sql(`update "case" set due_at = due_at + interval '1 year', answer_due_at = answer_due_at + interval '1 year' where id <> $1`, [late.id]);
    const snapshot = () =>
      sql<{ id: string; status: string; version: number; handling_unit_id: string; events: number }>(
        `select c.id::text, c.status::text, c.version, c.handling_unit_id::text, (select count(*)::int from case_event e where e.case_id = c.id) as events from "case" c where c.county_id = $1 order by c.id`,
        [late.county_id],
      );
    const countyBefore = await snapshot();
    const escalationsBefore = await sql<{ n: number }>(`select count(*)::int as n from case_event where action = 'ESCALATE'`);

    // The test holds the county's chain head: the escalation updates its case, then waits to write its event.
    holder = new Client(database.url);
    await holder.connect();
    await holder.query('begin');
    await holder.query('select * from case_event_chain where chain_key = $1 for update', [late.chain_key]);

    api = await startApiProcess(database.url, { env });
    // As the cron tick queues it, once the API's worker has installed its schema.
    await until('the job is queued', () => quickAddJob({ connectionString: database.url }, DEADLINE_SWEEP, {}, { jobKey: DEADLINE_SWEEP }).then(() => true, () => false));
    let blocked: { pid: number; query: string } | undefined;
    await until('the escalation waits between its writes', async () => {
      [blocked] = await sql<{ pid: number; query: string }>(
        `select pid, query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into "case_event"%'`,
      );
      return blocked !== undefined;
    });
    // It already wrote the case (a row lock on it is held), its event not yet.
    const [{ wrote }] = await sql<{ wrote: boolean }>(
      `select exists (select 1 from pg_locks l where l.pid = $1 and l.relation = '"case"'::regclass and l.mode = 'RowExclusiveLock') as wrote`,
      [blocked!.pid],
    );
    expect(wrote).toBe(true);
    const [job] = await sql<{ locked_by: string | null }>(`select locked_by from graphile_worker.jobs where key = $1`, [DEADLINE_SWEEP]);
    expect(job.locked_by).not.toBeNull();

    await api.kill();
    await holder.query('commit');
    await until('the killed API’s transaction is gone', async () => (await sql(`select 1 from pg_stat_activity where pid = $1`, [blocked!.pid])).length === 0);
    expect(await snapshot()).toEqual(countyBefore);

    const restarted = performance.now();
    api = await startApiProcess(database.url, { env });
    const jobRanMs = await until('the interrupted job runs after the restart', async () => (await sql(`select 1 from graphile_worker.jobs where key = $1`, [DEADLINE_SWEEP])).length === 0, 60_000).catch(async (error: Error) => {
      const jobs = await sql(`select locked_by, locked_at, attempts, last_error, run_at from graphile_worker.jobs where key = $1`, [DEADLINE_SWEEP]);
      const activity = await sql(`select pid, state, wait_event_type, wait_event, left(query, 120) as query, xact_start from pg_stat_activity where datname = current_database() and state <> 'idle'`);
      throw new Error(`${error.message}: ${JSON.stringify(jobs)} ${JSON.stringify(activity)} ${api!.output.join('').slice(-600)}`);
    });
    const escalated = await sql<{ id: string; n: number }>(`select case_id::text as id, count(*)::int as n from case_event where action = 'ESCALATE' group by case_id`);
    expect(escalated.find((e) => e.id === late.id)?.n).toBe(1);
    expect(escalated.filter((e) => e.n > 1)).toEqual([]);
    const doubledAlerts = await sql(`select case_id, kind, deadline, count(*) from case_alert group by case_id, kind, deadline having count(*) > 1`);
    expect(doubledAlerts).toEqual([]);
    const halfWritten = await sql<{ n: number }>(
      `select count(*)::int as n from "case" c where c.status::text is distinct from (select e.to_status::text from case_event e where e.case_id = c.id order by e.id desc limit 1)`,
    );
    expect(halfWritten[0].n).toBe(0);
    const [{ n: escalationsAfter }] = await sql<{ n: number }>(`select count(*)::int as n from case_event where action = 'ESCALATE'`);
    console.log(
      JSON.stringify({ fault: 'API SIGKILL inside an escalation', countyCasesUnchanged: countyBefore.length, blockedStatement: blocked!.query.slice(0, 40), jobRanAfterRestartMs: Math.round(performance.now() - restarted), waitedForJobMs: jobRanMs, escalations: escalationsAfter - escalationsBefore[0].n }),
    );
  });
});
