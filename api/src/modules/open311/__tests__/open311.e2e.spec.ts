import { XMLParser } from 'fast-xml-parser';
import { phonePhoto } from '../../../test/photo';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { toGlobalId } from '../../../common/global-id';
import { verifyChains } from '../../case/case-chain.service';
import { seeded, upload, walk, type CaseView, type Seeded } from '../../case/__tests__/workflow-helpers';

// The client is plain fetch: the one Open311 client on npm, `open311` 0.0.12 (codeforamerica/
// node-open311), is unmaintained (request 2.11, a git-URL dependency, native xml2json 0.2).
//
// The field lists of GeoReport v2 (https://wiki.open311.org/GeoReport_v2): every answer carries
// exactly these, no more (nothing private leaks in an extra field), no fewer.
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const DEFINITION_FIELDS = ['service_code', 'attributes'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
const POSTED_FIELDS = ['service_request_id', 'service_notice', 'account_id'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const ERROR_FIELDS = ['code', 'description'];
/** w3c datetime with a zone, as the spec asks. */
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

type Json = Record<string, unknown>;
const xml = new XMLParser({ ignoreDeclaration: true, parseTagValue: false, isArray: (name) => ['service', 'request', 'error'].includes(name) });

describe('Open311 GeoReport v2 at /open311/v2', () => {
  let app: TestApp;
  let s: Seeded;
  let key: string;
  let readOnlyKey: string;
  let yaohaiKey: string;
  let village: { lng: number; lat: number };
  const base = () => `${app.url}/open311/v2`;

  async function createKey(client: GraphQLClient, unitCode: string, scopes: string[]): Promise<string> {
    const unitId = await s.grid(unitCode);
    const { createApiKey } = await client.data<{ createApiKey: { key: string } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
      { input: { name: '12345 热线', unitId, scopes } },
    );
    return createApiKey.key;
  }

  const get = (path: string) => fetch(`${base()}${path}`);
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${base()}${path}`, { method: 'POST', body: new URLSearchParams(form), headers });

  async function json<T = Json[]>(response: Response, status = 200): Promise<T> {
    const body = await response.text();
    if (response.status !== status) throw new Error(`${response.status}: ${body}`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    return JSON.parse(body) as T;
  }

  async function xmlOf(response: Response, status = 200): Promise<Json> {
    const body = await response.text();
    if (response.status !== status) throw new Error(`${response.status}: ${body}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/);
    expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    return xml.parse(body) as Json;
  }

  async function expectError(response: Response, status: number, code: string): Promise<void> {
    const errors = await json<Json[]>(response, status);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(Object.keys(error).sort()).toEqual([...ERROR_FIELDS].sort());
    expect(errors.map((e) => e.code)).toContain(code);
    expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts:|select |stack/i);
  }

  const caseCount = async () => Number((await app.ownerSql<{ n: string }>('select count(*) as n from "case"'))[0].n);

  beforeAll(async () => {
    app = await startTestApp();
    s = await seeded(app);
    const feidong = await app.as('feidong');
    key = await createKey(feidong, '340122000000', ['CREATE_COMPLAINTS', 'READ_CASES']);
    readOnlyKey = await createKey(feidong, '340122000000', ['READ_GRIDS']);
    yaohaiKey = await createKey(await app.as('cityadmin'), '340102000000', ['READ_CASES', 'CREATE_COMPLAINTS']);
    // 长临河镇 (肥东县); the seed's grids have no centres, so the complaint names its grid.
    village = { lng: 117.47, lat: 31.88 };
  });
  afterAll(() => app.close());

  it('lists the case categories as services, in JSON and XML, with exactly the spec fields', async () => {
    const services = await json(await get(`/services.json?api_key=${key}&jurisdiction_id=340100`));
    expect(services.length).toBeGreaterThan(3);
    for (const service of services) {
      expect(Object.keys(service).sort()).toEqual([...SERVICE_FIELDS].sort());
      expect(service).toMatchObject({ metadata: false, type: 'realtime' });
    }
    const dust = services.find((service) => service.service_code === 'DUST')!;
    expect(dust.service_name).toEqual(expect.any(String));
    expect(dust.group).toEqual(expect.any(String));

    const parsed = await xmlOf(await get(`/services.xml?api_key=${key}`));
    const fromXml = (parsed.services as { service: Json[] }).service;
    expect(fromXml.map((service) => service.service_code)).toEqual(services.map((service) => service.service_code));
    for (const service of fromXml) expect(Object.keys(service).sort()).toEqual([...SERVICE_FIELDS].sort());
    expect(fromXml[0]).toMatchObject({ metadata: 'false', type: 'realtime' });

    const definition = await json<Json>(await get(`/services/DUST.json?api_key=${key}`));
    expect(Object.keys(definition).sort()).toEqual([...DEFINITION_FIELDS].sort());
    expect(definition.service_code).toBe('DUST');
    const attributes = definition.attributes as Json[];
    expect(attributes.map((a) => a.code)).toEqual(['grid']);
    for (const attribute of attributes) expect(Object.keys(attribute).sort()).toEqual([...ATTRIBUTE_FIELDS].sort());
    expect(attributes[0]).toMatchObject({ variable: true, datatype: 'string', required: false, order: 1 });
    const definitionXml = (await xmlOf(await get(`/services/DUST.xml?api_key=${key}`))).service_definition as Json;
    expect(definitionXml.service_code).toBe('DUST');
    const attributeXml = (definitionXml.attributes as { attribute: Json }).attribute;
    expect(Object.keys(attributeXml).sort()).toEqual([...ATTRIBUTE_FIELDS].sort());
    await expectError(await get(`/services/NO_SUCH.json?api_key=${key}`), 404, 'SERVICE_NOT_FOUND');
  });

  it('refuses a missing or weak key, a wrong jurisdiction, an unknown service and bad input with the spec’s error array, changing nothing', async () => {
    const before = await caseCount();
    const complaint = { service_code: 'DUST', lat: String(village.lat), long: String(village.lng), description: '村口工地扬尘严重' };
    await expectError(await post('/requests.json', complaint), 403, 'UNAUTHENTICATED');
    await expectError(await post('/requests.json', { ...complaint, api_key: 'gwk_nonsense.x' }), 403, 'UNAUTHENTICATED');
    await expectError(await post('/requests.json', { ...complaint, api_key: readOnlyKey }), 403, 'FORBIDDEN');
    await expectError(await post('/requests.json', { ...complaint, api_key: key, jurisdiction_id: '110000' }), 404, 'JURISDICTION_NOT_FOUND');
    await expectError(await post('/requests.json', { ...complaint, api_key: key, service_code: 'NO_SUCH' }), 404, 'SERVICE_NOT_FOUND');
    await expectError(await post('/requests.json', { ...complaint, api_key: key, lat: 'north' }), 400, 'BAD_USER_INPUT');
    await expectError(await post('/requests.json', { api_key: key, service_code: 'DUST', description: '没有地点的投诉' }), 400, 'BAD_USER_INPUT');
    await expectError(await post('/requests.json', { ...complaint, api_key: key, description: '短' }), 400, 'BAD_USER_INPUT');
    await expectError(await post('/requests.json', { ...complaint, api_key: key, phone: '12' }), 400, 'BAD_USER_INPUT');
    await expectError(await post('/requests.json', { ...complaint, api_key: key, media_url: 'file:///etc/passwd' }), 400, 'BAD_USER_INPUT');
    // A grid of another county is not one this key reports in.
    await expectError(await post('/requests.json', { ...complaint, api_key: key, 'attribute[grid]': '340102001001' }), 400, 'BAD_USER_INPUT');
    await expectError(await get(`/requests.json?api_key=${key}&jurisdiction_id=110000`), 404, 'JURISDICTION_NOT_FOUND');
    await expectError(await get(`/requests.json?api_key=${key}&start_date=yesterday`), 400, 'BAD_USER_INPUT');
    await expectError(await get(`/requests.json?api_key=${key}&status=pending`), 400, 'BAD_USER_INPUT');
    await expectError(await get(`/requests.json`), 403, 'UNAUTHENTICATED');
    await expectError(await get(`/requests/340122-20261128-999999.json?api_key=${key}`), 404, 'NOT_FOUND');
    const errorsXml = await xmlOf(await get(`/services/NO_SUCH.xml?api_key=${key}`), 404);
    const errors = (errorsXml.errors as { error: Json[] }).error;
    expect(Object.keys(errors[0]).sort()).toEqual([...ERROR_FIELDS].sort());
    expect(errors[0].code).toBe('SERVICE_NOT_FOUND');
    expect(await caseCount()).toBe(before);
  });

  it('takes a complaint and reads it back through every step, open until closed, in JSON and XML, never with the complainant', async () => {
    const before = await caseCount();
    const form = {
      api_key: key,
      jurisdiction_id: '340100',
      service_code: 'DUST',
      lat: String(village.lat),
      long: String(village.lng),
      'attribute[grid]': '340122104008',
      address_string: '长临河镇 村口工地',
      description: '村口工地未覆盖, 扬尘严重',
      first_name: '三',
      last_name: '张',
      phone: '13912345678',
      email: 'zhang.san@example.cn',
      media_url: 'https://example.cn/photo/1.jpg',
    };
    const retry = { 'idempotency-key': 'hotline-ticket-0001' };
    const [posted] = await json(await post('/requests.json', form, retry));
    expect(Object.keys(posted).sort()).toEqual([...POSTED_FIELDS].sort());
    expect(posted.service_request_id).toMatch(/^340122-\d{8}-\d{6}$/);
    // A resubmission after a timeout (same idempotency key) answers the same request and files nothing new.
    const [again] = await json(await post('/requests.json', form, retry));
    expect(again.service_request_id).toBe(posted.service_request_id);
    expect(await caseCount()).toBe(before + 1);
    await expectError(await post('/requests.json', { ...form, description: '另一件事, 同一个键' }, retry), 409, 'CONFLICT');

    const id = String(posted.service_request_id);
    // The case is a complaint with its complainant, reached through the ordinary case path.
    const [row] = await app.ownerSql<{ id: number; origin: string; complainant_name: string; complainant_phone: string; version: number; address: string }>(
      `select id, origin, complainant_name, complainant_phone, version, address from "case" where number = $1`,
      [id],
    );
    const [{ code: placed }] = await app.ownerSql<{ code: string }>(`select g.code from "case" c join grid g on g.id = c.grid_id where c.number = $1`, [posted.service_request_id]);
    expect(placed).toBe('340122104008');
    expect(row).toMatchObject({ origin: 'COMPLAINT', complainant_name: '张三', complainant_phone: '13912345678', address: '长临河镇 村口工地' });

    const read = async (): Promise<Json> => {
      const [request] = await json(await get(`/requests/${id}.json?api_key=${key}`));
      expect(Object.keys(request).sort()).toEqual([...REQUEST_FIELDS].sort());
      const body = JSON.stringify(request);
      for (const secret of ['张三', '13912345678', 'zhang.san']) expect(body).not.toContain(secret);
      for (const field of ['requested_datetime', 'updated_datetime']) expect(request[field]).toMatch(W3C);
      const parsed = await xmlOf(await get(`/requests/${id}.xml?api_key=${key}`));
      const [fromXml] = (parsed.service_requests as { request: Json[] }).request;
      expect(Object.keys(fromXml).sort()).toEqual([...REQUEST_FIELDS].sort());
      // The XML says the same as the JSON, field for field (an absent value is an empty element).
      expect(fromXml).toEqual(Object.fromEntries(Object.entries(request).map(([field, value]) => [field, value == null ? '' : String(value)])));
      return request;
    };

    const first = await read();
    expect(first).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'DUST',
      description: '村口工地未覆盖, 扬尘严重',
      address: '长临河镇 村口工地',
      lat: village.lat,
      long: village.lng,
      media_url: 'https://example.cn/photo/1.jpg',
    });
    expect(first.status_notes).toMatch(/^已上报/);

    // The eight steps on the no-platform path (肥东县), read back after each one.
    const seen: string[] = [String(first.status_notes)];
    const expectStep = async (status: 'open' | 'closed', notes: RegExp) => {
      const request = await read();
      expect(request.status).toBe(status);
      expect(request.status_notes).toMatch(notes);
      seen.push(String(request.status_notes));
      return request;
    };
    const township = await app.as('township');
    const feidong = await app.as('feidong');
    const dept = await app.as('countydept');
    const worker = await app.as('gridworker');
    const { case: found } = await feidong.data<{ case: CaseView }>(`query($id: ID!) { case(id: $id) { id version } }`, { id: toGlobalId('Case', row.id) });
    let kase: { id: string; version: number } = found;
    kase = await walk(township, 'ESCALATE', kase);
    await expectStep('open', /^已上报/);
    kase = await walk(feidong, 'FILE', kase);
    await expectStep('open', /^已立案/);
    const bureau = await s.department('340122000000', 'URBAN_MANAGEMENT');
    kase = await walk(feidong, 'DISPATCH', kase, { departmentIds: [bureau] });
    const dispatched = await expectStep('open', /^已派遣: 肥东县/);
    expect(dispatched.agency_responsible).toMatch(/^肥东县/);
    expect(dispatched.expected_datetime).toMatch(W3C);
    kase = await walk(dept, 'ACCEPT', kase);
    await expectStep('open', /^处理中: 肥东县/);
    kase = await walk(dept, 'FEEDBACK', kase);
    await expectStep('open', /^已反馈/);
    expect((await upload(app, worker, kase.id, 'VERIFY', phonePhoto('2026:03:05 16:00:00', { lng: village.lng, lat: village.lat }))).status).toBe(201);
    kase = await walk(worker, 'VERIFY_PASS', kase);
    await expectStep('closed', /^已结案/);
    kase = await walk(feidong, 'EVALUATE', kase);
    const evaluated = await expectStep('closed', /^已评价/);
    expect(new Date(String(evaluated.updated_datetime)).getTime()).toBeGreaterThanOrEqual(new Date(String(first.requested_datetime)).getTime());
    expect(new Set(seen).size).toBeGreaterThanOrEqual(7);
    // The request's whole life is on the case's timeline, in the county's hash chain, which holds.
    const events = await app.ownerSql<{ action: string; hash: string | null; chain_key: number }>(`select action, hash, chain_key from case_event where case_id = $1 order by id`, [row.id]);
    expect(events.map((e) => e.action)).toEqual(['REPORT', 'ESCALATE', 'FILE', 'DISPATCH', 'ACCEPT', 'FEEDBACK', 'VERIFY_PASS', 'EVALUATE']);
    expect(events.every((e) => e.hash !== null)).toBe(true);
    const [chain] = await verifyChains(app.ownerOrm.em.fork(), events[0].chain_key);
    expect(chain.broken).toBeNull();

    // By window and status: closed now, not open; the default window (the last 90 days) holds it.
    const closed = await json(await get(`/requests.json?api_key=${key}&status=closed&service_code=DUST`));
    expect(closed.map((r) => r.service_request_id)).toContain(id);
    for (const request of closed) expect(Object.keys(request).sort()).toEqual([...REQUEST_FIELDS].sort());
    const open = await json(await get(`/requests.json?api_key=${key}&status=open`));
    expect(open.map((r) => r.service_request_id)).not.toContain(id);
    const byIds = await json(await get(`/requests.json?api_key=${key}&service_request_id=${id},340122-20261128-999999`));
    expect(byIds.map((r) => r.service_request_id)).toEqual([id]);
    const requestedAt = new Date(String(first.requested_datetime));
    const after = new Date(requestedAt.getTime() + 60_000).toISOString();
    expect(await json(await get(`/requests.json?api_key=${key}&start_date=${after}`))).not.toContainEqual(expect.objectContaining({ service_request_id: id }));
    const listXml = await xmlOf(await get(`/requests.xml?api_key=${key}&status=closed`));
    expect((listXml.service_requests as { request: Json[] }).request.map((r) => r.service_request_id)).toContain(id);

    // Another county's key never sees it.
    await expectError(await get(`/requests/${id}.json?api_key=${yaohaiKey}`), 404, 'NOT_FOUND');
    expect((await json(await get(`/requests.json?api_key=${yaohaiKey}&service_request_id=${id}`))).length).toBe(0);
  });

  it('accepts the key in the Authorization header too, and posts in XML', async () => {
    // The seed gives every grid a centre; here 肥东县's grids have none.
    await app.ownerSql(`update grid set centroid_lng = null, centroid_lat = null where code like '340122%'`);
    const response = await fetch(`${base()}/requests.xml`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: new URLSearchParams({ service_code: 'DUST', lat: String(village.lat), long: String(village.lng), description: '夜间焚烧垃圾, 烟味很重' }),
    });
    const parsed = await xmlOf(response);
    const [posted] = (parsed.service_requests as { request: Json[] }).request;
    expect(Object.keys(posted).sort()).toEqual([...POSTED_FIELDS].sort());
    expect(posted.service_request_id).toMatch(/^340122-/);
    // Without a grid or a grid centre near the point, the complaint is put on the key's own unit (肥东县), whose staff place it.
    const [{ code }] = await app.ownerSql<{ code: string }>(`select g.code from "case" c join grid g on g.id = c.grid_id where c.number = $1`, [posted.service_request_id]);
    expect(code).toBe('340122000000');
  });

  it('places a point on the nearest grid centre of the key’s territory, and refuses one far from all of them', async () => {
    await app.ownerSql(`update grid set centroid_lng = 117.62, centroid_lat = 31.70 where code = '340122104008'`);
    await app.ownerSql(`update grid set centroid_lng = 117.30, centroid_lat = 31.90 where code = '340122104000'`);
    // 瑶海区's grid is nearer to the point, but outside the key's territory.
    await app.ownerSql(`update grid set centroid_lng = 117.615, centroid_lat = 31.706 where code = (select min(code) from grid where level = 'TOWNSHIP' and county_id = (select id from grid where code = '340102000000'))`);
    const near = { api_key: key, service_code: 'DUST', lat: '31.705', long: '117.615', description: '湖边有人焚烧秸秆' };
    const [posted] = await json(await post('/requests.json', near));
    const [{ code }] = await app.ownerSql<{ code: string }>(`select g.code from "case" c join grid g on g.id = c.grid_id where c.number = $1`, [posted.service_request_id]);
    expect(code).toBe('340122104008');
    const before = await caseCount();
    await expectError(await post('/requests.json', { ...near, lat: '39.90', long: '116.40' }), 400, 'BAD_USER_INPUT');
    expect(await caseCount()).toBe(before);
  });

  it('asks for the scopes each part needs, and answers an unknown resource with the error list', async () => {
    const createOnly = await createKey(await app.as('feidong'), '340122000000', ['CREATE_COMPLAINTS']);
    await expectError(await get(`/requests.json?api_key=${createOnly}`), 403, 'FORBIDDEN');
    const before = await caseCount();
    // A resubmission is recognised by reading the first request: without READ_CASES it would be filed twice.
    const complaint = { api_key: createOnly, service_code: 'DUST', 'attribute[grid]': '340122104008', description: '河边有人倾倒垃圾' };
    await expectError(await post('/requests.json', complaint, { 'idempotency-key': 'hotline-ticket-0002' }), 403, 'FORBIDDEN');
    expect(await caseCount()).toBe(before);
    expect((await json(await post('/requests.json', complaint))).length).toBe(1);
    expect(await caseCount()).toBe(before + 1);
    await expectError(await get(`/services.csv?api_key=${key}`), 404, 'NOT_FOUND');
    await expectError(await get(`/tokens/1.json?api_key=${key}`), 404, 'NOT_FOUND');
  });
});
