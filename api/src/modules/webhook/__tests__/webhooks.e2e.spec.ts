import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, quickAddJob, runOnce } from 'graphile-worker';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { FakeClock } from '../../../common/clock';
import { enableAppRole } from '../../../db/app-role';
import { schedulerTasks, WEBHOOK_DISPATCH } from '../../../scheduler/scheduler';
import { phonePhoto } from '../../../test/photo';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { beijing } from '../../../test/time';
import { report, seeded, step, upload, walk, fullInput, type CaseView, type Seeded } from '../../case/__tests__/workflow-helpers';
import type { CloudEvent } from '../cloud-event';

/** What a receiver got: the headers Standard Webhooks names and the CloudEvent. */
interface Received {
  id: string;
  timestamp: number;
  body: string;
  event: CloudEvent;
}

/** A real HTTP receiver per endpoint path; every request's signature is verified with the endpoint's secret. */
class Receiver {
  readonly received = new Map<string, Received[]>();
  readonly secrets = new Map<string, string>();
  readonly badSignatures: string[] = [];
  status = 204;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then((status) => res.writeHead(status).end()));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
    const timestamp = Number(headers['webhook-timestamp']);
    // The library checks the timestamp against the receiver's clock: here, the instant the test clock gave the sender.
    const now = jest.spyOn(Date, 'now').mockReturnValue(timestamp * 1000);
    try {
      new Webhook(this.secrets.get(path) ?? 'whsec_none').verify(body, headers);
    } catch {
      this.badSignatures.push(`${path} ${headers['webhook-id']}`);
      return 400;
    } finally {
      now.mockRestore();
    }
    if (this.status >= 300) return this.status;
    const list = this.received.get(path) ?? [];
    list.push({ id: headers['webhook-id'], timestamp, body, event: JSON.parse(body) as CloudEvent });
    this.received.set(path, list);
    return this.status;
  }

  of(path: string): Received[] {
    return this.received.get(path) ?? [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id version enabled } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 100) { nodes { eventId type delivered attempts lastStatusCode lastError nextAttemptAt deliveredAt } } }`;
type Delivery = { eventId: string; type: string; delivered: boolean; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null; deliveredAt: string | null };
const SECOND = 1000;

describe('webhooks: the outbox, signed CloudEvents, retries, replay, territory', () => {
  const clock = new FakeClock(beijing('2026-11-28T09:00:00'));
  const receiver = new Receiver();
  let app: TestApp;
  let s: Seeded;
  let city: GraphQLClient;
  let feidong: GraphQLClient;
  let yaohai: GraphQLClient;
  const endpoints: Record<string, string> = {};

  const silent = new Logger(() => (level, message) => { if (level === 'error' || level === 'warning') console.log(level, message); });
  /** One pass of the job queue as the scheduler runs it: the minutely dispatch, then every job ready. */
  const work = async (settings = { disableAfterDays: 3, timeoutMs: 2000 }) => {
    await quickAddJob({ connectionString: app.databaseUrl, logger: silent }, WEBHOOK_DISPATCH, {});
    await runOnce({ connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock, undefined, null, settings), logger: silent });
  };

  async function register(client: GraphQLClient, path: string, unitCode: string, extra: Record<string, unknown> = {}): Promise<string> {
    const unitId = await s.grid(unitCode);
    const { createWebhookEndpoint } = await client.data<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE, {
      input: { unitId, name: `接收 ${path}`, url: `${receiver.url}${path}`, ...extra },
    });
    expect(createWebhookEndpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    receiver.secrets.set(path, createWebhookEndpoint.secret);
    return createWebhookEndpoint.endpoint.id;
  }

  const caseEventIds = async (caseId: string): Promise<string[]> => {
    const { case: kase } = await city.data<{ case: { events: { nodes: { id: string }[] } } }>(`query($id: ID!) { case(id: $id) { events(first: 100) { nodes { id } } } }`, { id: caseId });
    return kase.events.nodes.map((e) => e.id);
  };

  /** The eight steps of the no-platform path (肥东县): report, escalate, file, dispatch, accept, feed back, verify, evaluate. */
  async function walkFeidongCase(): Promise<CaseView> {
    const worker = await app.as('gridworker');
    let kase = await report(worker, { gridId: s.village, categoryId: s.dust });
    kase = await walk(await app.as('township'), 'ESCALATE', kase);
    kase = await walk(feidong, 'FILE', kase);
    kase = await walk(feidong, 'DISPATCH', kase, { departmentIds: [await s.department('340122000000', 'URBAN_MANAGEMENT')] });
    const dept = await app.as('countydept');
    kase = await walk(dept, 'ACCEPT', kase);
    kase = await walk(dept, 'FEEDBACK', kase);
    expect((await upload(app, worker, kase.id, 'VERIFY', phonePhoto('2026:11:28 16:00:00', { lng: 117.47, lat: 31.88 }))).status).toBe(201);
    kase = await walk(worker, 'VERIFY_PASS', kase);
    kase = await walk(feidong, 'EVALUATE', kase);
    expect(kase.status).toBe('EVALUATED');
    return kase;
  }

  beforeAll(async () => {
    await receiver.start();
    app = await startTestApp({ clock });
    s = await seeded(app);
    // The job queue installs its schema on first use, as the scheduler does on start.
    await quickAddJob({ connectionString: app.databaseUrl, logger: silent }, WEBHOOK_DISPATCH, {});
    await runOnce({ connectionString: app.databaseUrl, taskList: schedulerTasks(app.ownerOrm, clock), logger: silent });
    city = await app.as('cityadmin');
    feidong = await app.as('feidong');
    yaohai = await app.as('yaohai');
    endpoints.city = await register(city, '/city', '340100000000');
    endpoints.feidong = await register(feidong, '/feidong', '340122000000');
    endpoints.yaohai = await register(yaohai, '/yaohai', '340102000000');
  });
  afterAll(async () => {
    await app?.close();
    await receiver.close();
  });

  it('only administrators register, for their own territory, http(s) URLs only; the secret is never read back', async () => {
    const township = await app.as('township');
    const denied = await township.request(CREATE, { input: { unitId: await s.grid('340122104000'), name: 'x', url: `${receiver.url}/x` } });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await feidong.request(CREATE, { input: { unitId: await s.grid('340102000000'), name: 'x', url: `${receiver.url}/x` } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'http://user:pw@example.com/x', 'not a url']) {
      const bad = await feidong.request(CREATE, { input: { unitId: await s.grid('340122000000'), name: 'x', url } });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const badType = await feidong.request(CREATE, { input: { unitId: await s.grid('340122000000'), name: 'x', url: `${receiver.url}/x`, eventTypes: ['anything'] } });
    expect(badType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The county sees its own endpoint only; the city sees every one.
    const list = async (client: GraphQLClient) =>
      (await client.data<{ webhookEndpoints: { nodes: { id: string }[] } }>(`{ webhookEndpoints(first: 50) { nodes { id } } }`)).webhookEndpoints.nodes.map((n) => n.id);
    expect(await list(feidong)).toEqual([endpoints.feidong]);
    expect(await list(city)).toEqual(expect.arrayContaining([endpoints.city, endpoints.feidong, endpoints.yaohai]));
    const other = await feidong.request(DELIVERIES, { id: endpoints.yaohai });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await (await app.as('countydept')).request(`{ webhookEndpoints(first: 5) { nodes { id } } }`)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect((await city.request(`{ webhookEndpoints(first: 5) { nodes { secret } } }`)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Nor through the API's own database role: only the owner (the delivery job) reads secrets.
    const [feidongUnit] = await app.ownerSql<{ id: number }>(`select id from grid where code = '340122000000'`);
    const db = new Client(await enableAppRole(app.databaseUrl));
    await db.connect();
    try {
      await db.query('begin');
      await db.query(`select gw_bind_unit('COUNTY', $1, '{}')`, [feidongUnit.id]);
      expect((await db.query<{ n: number }>(`select count(*)::int as n from webhook_endpoint`)).rows[0].n).toBe(1);
      await expect(db.query(`select secret from webhook_endpoint`)).rejects.toThrow(/permission denied/);
      await db.query('rollback');
    } finally {
      await db.end();
    }
  });

  it('a case walked through all eight steps: every event, signed, exactly once and in order, to the county and the city; never to another county', async () => {
    const kase = await walkFeidongCase();
    // A refused step writes no event, so nothing goes out.
    const [{ n: before }] = await app.ownerSql<{ n: number }>(`select count(*)::int as n from webhook_message`);
    expect((await step(feidong, 'FILE', fullInput(kase))).errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect((await app.ownerSql<{ n: number }>(`select count(*)::int as n from webhook_message`))[0].n).toBe(before);

    await work();
    expect(receiver.badSignatures).toEqual([]);
    const expected = await caseEventIds(kase.id);
    expect(expected).toHaveLength(8);
    for (const path of ['/feidong', '/city']) {
      const got = receiver.of(path).filter((r) => r.event.subject === kase.id);
      expect(got.map((r) => r.event.data.id)).toEqual(expected);
      expect(got.map((r) => r.event.type)).toEqual([
        'cn.gridwatch.case.report',
        'cn.gridwatch.case.escalate',
        'cn.gridwatch.case.file',
        'cn.gridwatch.case.dispatch',
        'cn.gridwatch.case.accept',
        'cn.gridwatch.case.feedback',
        'cn.gridwatch.case.verify_pass',
        'cn.gridwatch.case.evaluate',
      ]);
      expect(new Set(got.map((r) => r.id)).size).toBe(8);
      // The signature's time is the injected clock's.
      expect(got.every((r) => r.timestamp === Math.floor(clock.now().getTime() / 1000))).toBe(true);
    }
    expect(receiver.of('/yaohai')).toEqual([]);

    // CloudEvents 1.0, structured mode: the required attributes and ours.
    const [first] = receiver.of('/feidong');
    expect(first.event).toMatchObject({ specversion: '1.0', id: first.id, type: 'cn.gridwatch.case.report', subject: kase.id, datacontenttype: 'application/json' });
    expect(first.event.source).toMatch(/^\/gridwatch\/units\/.+/);
    expect(new Date(first.event.time).toISOString()).toBe(first.event.time);
    expect(first.event.data).toMatchObject({ caseId: kase.id, caseNumber: kase.number, action: 'REPORT', toStatus: 'REPORTED' });
    expect(first.event.data).not.toHaveProperty('actorId');
    expect(first.event.data.hash).toMatch(/^[0-9a-f]{64}$/);

    // The log shows each delivery once, delivered on the first attempt.
    const { webhookDeliveries } = await feidong.data<{ webhookDeliveries: { nodes: Delivery[] } }>(DELIVERIES, { id: endpoints.feidong });
    expect(webhookDeliveries.nodes).toHaveLength(8);
    expect(webhookDeliveries.nodes.every((d) => d.delivered && d.attempts === 1 && d.lastStatusCode === 204)).toBe(true);
  });

  it('an alert goes out in the same way (the trigger covers every writer of alerts)', async () => {
    const [kase] = await app.ownerSql<{ id: number; city_id: number; county_id: number; township_id: number; grid_id: number }>(
      `select id, city_id, county_id, township_id, grid_id from "case" where county_id = (select id from grid where code = '340102000000') order by id limit 1`,
    );
    const insertAlert = `insert into case_alert (city_id, county_id, township_id, case_id, kind, due_at, at, grid_id) values ($1, $2, $3, $4, 'URGE', $5, $5, $6)`;
    // In the writer's transaction: rolled back with it, nothing is left to send.
    const outbox = async (db: { query: Client['query'] }) => (await db.query<{ n: number }>(`select count(*)::int as n from webhook_delivery`)).rows[0].n;
    const tx = new Client(app.databaseUrl);
    await tx.connect();
    try {
      const before = await outbox(tx);
      await tx.query('begin');
      await tx.query(insertAlert, [kase.city_id, kase.county_id, kase.township_id, kase.id, beijing('2026-11-20T00:00:00'), kase.grid_id]);
      expect(await outbox(tx)).toBe(before + 2);
      await tx.query('rollback');
      expect(await outbox(tx)).toBe(before);
    } finally {
      await tx.end();
    }
    await app.ownerSql(insertAlert, [
      kase.city_id,
      kase.county_id,
      kase.township_id,
      kase.id,
      clock.now(),
      kase.grid_id,
    ]);
    await work();
    expect(receiver.of('/yaohai').map((r) => r.event.type)).toEqual(['cn.gridwatch.alert.urge']);
    expect(receiver.of('/feidong').some((r) => r.event.type.startsWith('cn.gridwatch.alert.'))).toBe(false);
  });

  it('a receiver that is down: retried with backoff, then everything delivered in order once it is back', async () => {
    receiver.status = 503;
    const seen = receiver.of('/feidong').length;
    const worker = await app.as('gridworker');
    let kase = await report(worker, { gridId: s.village, categoryId: s.dust });
    kase = await walk(await app.as('township'), 'ESCALATE', kase);
    await work();
    const log = async () => (await feidong.data<{ webhookDeliveries: { nodes: Delivery[] } }>(DELIVERIES, { id: endpoints.feidong })).webhookDeliveries.nodes;
    // In order: the first event failed once and blocks the second, which was never tried.
    let [second, firstEvent] = await log();
    expect(firstEvent).toMatchObject({ type: 'cn.gridwatch.case.report', delivered: false, attempts: 1, lastStatusCode: 503, lastError: 'HTTP 503' });
    expect(new Date(firstEvent.nextAttemptAt!).getTime()).toBe(clock.now().getTime() + 10 * SECOND);
    expect(second).toMatchObject({ delivered: false, attempts: 0 });

    // Not yet due: nothing is tried.
    clock.advance(5 * SECOND);
    await work();
    expect((await log())[1].attempts).toBe(1);
    clock.advance(5 * SECOND);
    await work();
    [, firstEvent] = await log();
    expect(firstEvent.attempts).toBe(2);
    expect(new Date(firstEvent.nextAttemptAt!).getTime()).toBe(clock.now().getTime() + 40 * SECOND);

    receiver.status = 204;
    clock.advance(40 * SECOND);
    await work();
    [second, firstEvent] = await log();
    expect(firstEvent).toMatchObject({ delivered: true, attempts: 3, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
    expect(second).toMatchObject({ delivered: true, attempts: 1 });
    const got = receiver.of('/feidong').slice(seen);
    expect(got.map((r) => r.event.data.id)).toEqual(await caseEventIds(kase.id));
    expect(receiver.badSignatures).toEqual([]);
  });

  it('replay redelivers with the same webhook-id and body: by event id and by time window', async () => {
    const [original] = receiver.of('/feidong');
    const count = receiver.of('/feidong').length;
    const replay = `mutation($input: ReplayWebhookDeliveriesInput!) { replayWebhookDeliveries(input: $input) }`;
    const { replayWebhookDeliveries } = await feidong.data<{ replayWebhookDeliveries: number }>(replay, { input: { endpointId: endpoints.feidong, eventId: original.id } });
    expect(replayWebhookDeliveries).toBe(1);
    await work();
    const again = receiver.of('/feidong').slice(count);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: original.id, body: original.body });

    // A window: the events of the first case (all at the start of the test clock).
    const window = { from: beijing('2026-11-28T08:00:00').toISOString(), to: beijing('2026-11-28T09:00:01').toISOString() };
    const byWindow = await feidong.data<{ replayWebhookDeliveries: number }>(replay, { input: { endpointId: endpoints.feidong, ...window } });
    expect(byWindow.replayWebhookDeliveries).toBeGreaterThanOrEqual(8);
    await work();
    expect(receiver.of('/feidong').length).toBe(count + 1 + byWindow.replayWebhookDeliveries);

    // Another county's endpoint is not found, a malformed id is bad input, and nothing changed.
    expect((await feidong.request(replay, { input: { endpointId: endpoints.yaohai, eventId: original.id } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await feidong.request(replay, { input: { endpointId: endpoints.feidong, eventId: 'nope' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await feidong.request(replay, { input: { endpointId: endpoints.feidong } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an endpoint failing for three days is disabled with a reason, and its owner gets an alert', async () => {
    // A receiver that is gone: nothing listens on the port any more.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const unitId = await s.grid('340102000000');
    const { createWebhookEndpoint } = await yaohai.data<{ createWebhookEndpoint: { endpoint: { id: string } } }>(CREATE, {
      input: { unitId, name: '已下线的接收方', url: `http://127.0.0.1:${port}/hook`, eventTypes: ['cn.gridwatch.case.report'] },
    });
    const id = createWebhookEndpoint.endpoint.id;
    const operator = await app.as('operator');
    await report(operator, { gridId: s.yaohaiGrid, categoryId: s.dust });
    const endpoint = async () =>
      (await yaohai.data<{ webhookEndpoints: { nodes: { id: string; enabled: boolean; disabledReason: string | null; failingSince: string | null }[] } }>(
        `{ webhookEndpoints(first: 50) { nodes { id enabled disabledReason failingSince } } }`,
      )).webhookEndpoints.nodes.find((n) => n.id === id)!;

    const start = clock.now().getTime();
    await work();
    expect(await endpoint()).toMatchObject({ enabled: true, failingSince: new Date(start).toISOString() });
    // Six-hourly retries for just under three days keep it enabled.
    while (clock.now().getTime() < start + 3 * 24 * 3600 * SECOND - 6 * 3600 * SECOND) {
      clock.advance(6 * 3600 * SECOND);
      await work();
    }
    expect((await endpoint()).enabled).toBe(true);
    clock.advance(6 * 3600 * SECOND);
    // Interrupted at the owner's alert: the attempt's record, the disabling and the alert are one unit of work, none is written.
    const attemptsOf = async () =>
      (await app.ownerSql<{ attempts: number }>(`select sum(attempts)::int as attempts from webhook_delivery where endpoint_id = (select max(id) from webhook_endpoint)`))[0].attempts;
    const attemptsBefore = await attemptsOf();
    await app.ownerSql(`create function test_refuse() returns trigger language plpgsql as $$ begin raise exception 'fault injected'; end $$`);
    await app.ownerSql(`create trigger test_refuse before insert on owner_alert for each row execute function test_refuse()`);
    await work();
    expect(await endpoint()).toMatchObject({ enabled: true, disabledReason: null });
    expect(await attemptsOf()).toBe(attemptsBefore);
    await app.ownerSql(`drop trigger test_refuse on owner_alert`);
    await work();
    const disabled = await endpoint();
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/3 days/);
    const alerts = await app.ownerSql<{ kind: string; subject: string; login: string }>(
      `select a.kind, a.subject, acc.login from owner_alert a join account acc on acc.id = a.account_id`,
    );
    expect(alerts).toEqual([{ kind: 'WEBHOOK_DISABLED', subject: '已下线的接收方', login: 'yaohai' }]);
    // The owner reads it in the console's inbox; another county does not.
    const owned = await yaohai.data<{ ownerAlerts: { nodes: { kind: string; subject: string; message: string }[] } }>(`{ ownerAlerts(first: 10) { nodes { kind subject message } } }`);
    expect(owned.ownerAlerts.nodes).toEqual([expect.objectContaining({ kind: 'WEBHOOK_DISABLED', subject: '已下线的接收方' })]);
    const feidongReads = await (await app.as('feidong')).data<{ ownerAlerts: { nodes: unknown[] } }>(`{ ownerAlerts(first: 10) { nodes { kind } } }`);
    expect(feidongReads.ownerAlerts.nodes).toEqual([]);
    // Disabled: no more attempts; a new event is kept for it, not tried.
    const [{ attempts }] = await app.ownerSql<{ attempts: number }>(`select sum(attempts)::int as attempts from webhook_delivery where endpoint_id = (select max(id) from webhook_endpoint)`);
    await report(operator, { gridId: s.yaohaiGrid, categoryId: s.dust });
    clock.advance(24 * 3600 * SECOND);
    await work();
    expect((await app.ownerSql<{ attempts: number }>(`select sum(attempts)::int as attempts from webhook_delivery where endpoint_id = (select max(id) from webhook_endpoint)`))[0].attempts).toBe(attempts);

    // Fixed and re-enabled by its owner: what waited goes out, in order, and the failure record is cleared.
    const { webhookEndpoints } = await yaohai.data<{ webhookEndpoints: { nodes: { id: string; version: number }[] } }>(`{ webhookEndpoints(first: 50) { nodes { id version } } }`);
    const version = webhookEndpoints.nodes.find((n) => n.id === id)!.version;
    const update = `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { enabled failingSince disabledReason } }`;
    const revived = await yaohai.data<{ updateWebhookEndpoint: { enabled: boolean; failingSince: string | null; disabledReason: string | null } }>(update, {
      input: { id, version, enabled: true, url: `${receiver.url}/revived` },
    });
    expect(revived.updateWebhookEndpoint).toEqual({ enabled: true, failingSince: null, disabledReason: null });
    const stale = await yaohai.request(update, { input: { id, version, name: '旧版本' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const [{ secret }] = await app.ownerSql<{ secret: string }>(`select secret from webhook_endpoint where id = (select max(id) from webhook_endpoint)`);
    receiver.secrets.set('/revived', secret);
    await work();
    expect(receiver.of('/revived').map((r) => r.event.type)).toEqual(['cn.gridwatch.case.report', 'cn.gridwatch.case.report']);
    expect(receiver.badSignatures).toEqual([]);
  });
});
