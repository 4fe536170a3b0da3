import { Client } from 'pg';
import { fromGlobalId } from '../../../common/global-id';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { CaseAction, CaseOrigin, CaseStatus } from '../case.enums';
import { dutyOf, TRANSITIONS, transitionsOf, type CaseDuty } from '../case.workflow';
import { count, fullInput, INPUT_EXTRAS, report, reportRaw, step, walk, seeded, type Seeded } from './workflow-helpers';

/** A caller holding each duty at type level who can read the test cases (肥东县, a 城管 category). */
const CALLER: Record<CaseDuty, string> = {
  file: 'feidong',
  escalate: 'feidong',
  dispatch: 'feidong',
  approveExtension: 'feidong',
  evaluate: 'feidong',
  handle: 'countydept',
  verify: 'gridworker',
  reopen: 'cityadmin',
  answer: 'feidong',
};

describe('case workflow guards: state, version, idempotency', () => {
  let app: TestApp;
  let s: Seeded;
  let dust: string;
  let village: string;
  const clients = new Map<string, GraphQLClient>();
  const as = async (login: string): Promise<GraphQLClient> => {
    if (!clients.has(login)) clients.set(login, await app.as(login));
    return clients.get(login)!;
  };

  beforeAll(async () => {
    app = await startTestApp();
    s = await seeded(app);
    dust = s.dust;
    village = s.village;
  });
  afterAll(() => app.close());

  it('rejects every transition the table does not list, naming the state and the allowed actions, writing nothing', async () => {
    const feidong = await as('feidong');
    const statuses = Object.values(CaseStatus);
    const cases = new Map<CaseStatus, { id: string; version: number }>();
    for (const status of statuses) {
      const kase = await report(feidong, { gridId: village, categoryId: dust });
      // Put the case in the state under test behind the API's back (test setup only).
      await app.ownerOrm.em.fork().execute(`update "case" set status = ? where id = ?`, [status, fromGlobalId('Case', kase.id)]);
      cases.set(status, { id: kase.id, version: kase.version });
    }
    const eventsBefore = await count(app, 'case_event');
    let checked = 0;
    for (const status of statuses) {
      // The case's own steps (the partners' assignment steps have their own table and test).
      // The cases are patrol reports: 答复 is for complaints only, so it is illegal in every state.
      const legal: CaseAction[] = transitionsOf({ status, origin: CaseOrigin.PATROL, answeredAt: null }).map((t) => t.action);
      for (const action of Object.values(CaseAction).filter((a) => TRANSITIONS.some((t) => t.action === a) && !legal.includes(a))) {
        const caller = await as(CALLER[dutyOf(action)]);
        const result = await step(caller, action, fullInput(cases.get(status)!, action === CaseAction.DISPATCH ? { departmentIds: ['x'] } : INPUT_EXTRAS[action]));
        expect({ status, action, extensions: result.errors?.[0].extensions }).toMatchObject({
          status,
          action,
          extensions: { code: 'ILLEGAL_TRANSITION', currentState: status, allowedActions: legal },
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(120);
    expect(await count(app, 'case_event')).toBe(eventsBefore);
    const versions = await app.ownerOrm.em.fork().execute<{ version: number }[]>(
      `select version from "case" where id in (${[...cases.values()].map((c) => fromGlobalId('Case', c.id)).join(',')})`,
    );
    expect(versions.every((v) => v.version === 1)).toBe(true);
  });

  it('two handlers acting on the same version: exactly one succeeds, the other gets CONFLICT with the current state', async () => {
    const township = await as('township');
    const first = await app.as('feidong');
    const second = await app.as('feidong');
    for (let round = 0; round < 4; round++) {
      let kase = await report(await as('gridworker'), { gridId: village, categoryId: dust });
      kase = await walk(township, 'ESCALATE', kase);
      const results = await Promise.all([step(first, 'FILE', fullInput(kase)), step(second, 'CANCEL', fullInput(kase, INPUT_EXTRAS.CANCEL))]);
      const ok = results.filter((r) => !r.errors);
      const conflicts = results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT');
      expect([ok.length, conflicts.length]).toEqual([1, 1]);
      const winner = Object.values(ok[0].data!)[0];
      expect(conflicts[0].errors?.[0].extensions).toMatchObject({ currentState: winner.status, currentVersion: winner.version });
      const events = await app.ownerOrm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from case_event where case_id = ?`, [fromGlobalId('Case', kase.id)]);
      expect(events[0].n).toBe(3); // REPORT, ESCALATE and the winner's step
    }
  });

  it('a database connection killed mid-transition leaves neither a half-changed case nor an event', async () => {
    const feidong = await as('feidong');
    let kase = await report(feidong, { gridId: village, categoryId: dust });
    kase = await walk(await as('township'), 'ESCALATE', kase);
    const caseId = fromGlobalId('Case', kase.id);
    const eventsBefore = await count(app, 'case_event');
    // Hold the county's chain head so the transition stops inside its transaction, after the
    // case row is updated and while the event is being inserted; then kill that connection.
    const blocker = new Client(app.databaseUrl);
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(`select * from case_event_chain where chain_key = (select county_id from "case" where id = $1) for update`, [caseId]);
    const pending = step(feidong, 'FILE', fullInput(kase));
    let victim: number | undefined;
    for (let i = 0; i < 100 && !victim; i++) {
      const { rows } = await blocker.query<{ pid: number }>(`select pid from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))`);
      victim = rows[0]?.pid;
      if (!victim) await new Promise((r) => setTimeout(r, 50));
    }
    expect(victim).toBeDefined();
    await blocker.query('select pg_terminate_backend($1)', [victim]);
    const result = await pending;
    await blocker.query('rollback');
    await blocker.end();
    expect(result.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
    const [row] = await app.ownerOrm.em.fork().execute<{ status: string; version: number }[]>(`select status, version from "case" where id = ?`, [caseId]);
    expect(row).toEqual({ status: 'REPORTED', version: kase.version });
    expect(await count(app, 'case_event')).toBe(eventsBefore);
    // The API carries on with a fresh connection.
    expect((await walk(feidong, 'FILE', kase)).status).toBe('FILED');
  });

  it('a stale version is refused with CONFLICT and the current state', async () => {
    const feidong = await as('feidong');
    let kase = await report(feidong, { gridId: village, categoryId: dust });
    const stale = { ...kase };
    kase = await walk(await as('township'), 'ESCALATE', kase);
    const result = await step(feidong, 'FILE', fullInput(stale));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'REPORTED', currentVersion: kase.version });
  });

  it('reporting with an idempotency key: concurrent resubmissions make one case; another payload under the key is refused', async () => {
    const worker = await as('gridworker');
    const key = `phone-${Date.now()}-retry`;
    const [casesBefore, eventsBefore] = [await count(app, 'case'), await count(app, 'case_event')];
    const input = { gridId: village, categoryId: dust, idempotencyKey: key, location: { lng: 117.47, lat: 31.88 } };
    const results = await Promise.all(Array.from({ length: 6 }, () => reportRaw(worker, input)));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    expect(new Set(results.map((r) => r.data!.reportCase.id)).size).toBe(1);
    expect([await count(app, 'case'), await count(app, 'case_event')]).toEqual([casesBefore + 1, eventsBefore + 1]);
    const changed = await reportRaw(worker, { ...input, description: '另一个问题: 焚烧秸秆' });
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    // Another reporter's key space is its own.
    const other = await reportRaw(await as('township'), input);
    expect(other.data!.reportCase.id).not.toBe(results[0].data!.reportCase.id);
  });
});
