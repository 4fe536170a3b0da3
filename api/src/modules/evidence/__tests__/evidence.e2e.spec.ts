import { createHash } from 'node:crypto';
import { phonePhoto } from '../../../test/photo';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { fullInput, report, step, upload, walk, seeded, type Seeded } from '../../case/__tests__/workflow-helpers';

describe('evidence uploads', () => {
  let app: TestApp;
  let s: Seeded;
  let dust: string;
  let village: string;

  beforeAll(async () => {
    app = await startTestApp();
    s = await seeded(app);
    dust = s.dust;
    village = s.village;
  });
  afterAll(() => app.close());

  it('stores a photo with its SHA-256, EXIF capture time and GPS, and serves it only to those who may read the case', async () => {
    const worker = await app.as('gridworker');
    const kase = await report(worker, { gridId: village, categoryId: dust });
    const photo = phonePhoto('2026:03:02 10:15:30', { lng: 117.47, lat: 31.88 });
    const { status, body } = await upload(app, worker, kase.id, 'REPORT', photo);
    expect(status).toBe(201);
    expect(body).toMatchObject({ mimeType: 'image/jpeg', size: photo.length, sha256: createHash('sha256').update(photo).digest('hex'), takenAt: '2026-03-02T02:15:30.000Z' });
    expect(body.lat).toBeCloseTo(31.88, 4);
    expect(body.lng).toBeCloseTo(117.47, 4);

    const feidong = await app.as('feidong');
    const own = await fetch(`${app.url}${String(body.url)}`, { headers: { cookie: feidong.cookie! } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await own.arrayBuffer()).equals(photo)).toBe(true);
    const other = await app.as('yaohai');
    expect((await fetch(`${app.url}${String(body.url)}`, { headers: { cookie: other.cookie! } })).status).toBe(404);
    expect((await fetch(`${app.url}${String(body.url)}`)).status).toBe(401);
    expect((await upload(app, other, kase.id, 'REPORT', photo)).status).toBe(404);

    const listed = await feidong.data<{ case: { evidence: { stage: string; sha256: string }[] } }>(`query($id: ID!) { case(id: $id) { evidence { stage sha256 } } }`, { id: kase.id });
    expect(listed.case.evidence).toEqual([{ stage: 'REPORT', sha256: body.sha256 }]);
  });

  it('a retried upload (the same bytes for the same step) finds the file already there; other bytes add a second', async () => {
    const worker = await app.as('gridworker');
    const kase = await report(worker, { gridId: village, categoryId: dust });
    const photo = phonePhoto('2026:11:27 16:00:00', { lng: 117.47, lat: 31.88 });
    const first = await upload(app, worker, kase.id, 'REPORT', photo);
    const again = await upload(app, worker, kase.id, 'REPORT', photo);
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 200, body: first.body });
    const other = await upload(app, worker, kase.id, 'REPORT', phonePhoto('2026:11:27 16:01:00', { lng: 117.47, lat: 31.88 }));
    expect(other.status).toBe(201);
    const rows = await app.ownerSql<{ n: number }>(`select count(*)::int as n from case_evidence where case_id = (select case_id from case_evidence where id = $1)`, [Number(first.body.number)]);
    expect(rows[0].n).toBe(2);
  });

  it('checks type (by content), size and the uploader’s duty for the stage', async () => {
    const worker = await app.as('gridworker');
    const kase = await report(worker, { gridId: village, categoryId: dust });
    const text = await upload(app, worker, kase.id, 'REPORT', Buffer.from('<html>not a photo</html>'), 'photo.jpg');
    expect(text).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'file' } } });
    const huge = await upload(app, worker, kase.id, 'REPORT', Buffer.concat([phonePhoto('2026:03:02 10:15:30', { lng: 117, lat: 31 }), Buffer.alloc(11 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    // A grid worker reports and verifies, but does not give the handling result.
    expect((await upload(app, worker, kase.id, 'FEEDBACK', phonePhoto('2026:03:02 10:15:30', { lng: 117, lat: 31 }))).status).toBe(403);
  });

  it('verification closes a case only with an after photo', async () => {
    const worker = await app.as('gridworker');
    const feidong = await app.as('feidong');
    const dept = await app.as('countydept');
    let kase = await report(worker, { gridId: village, categoryId: dust });
    kase = await walk(await app.as('township'), 'ESCALATE', kase);
    kase = await walk(feidong, 'FILE', kase);
    const bureau = await s.department('340122000000', 'URBAN_MANAGEMENT');
    kase = await walk(feidong, 'DISPATCH', kase, { departmentIds: [bureau] });
    kase = await walk(dept, 'ACCEPT', kase);
    kase = await walk(dept, 'FEEDBACK', kase);
    const refused = await step(worker, 'VERIFY_PASS', fullInput(kase));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence' });
    expect((await upload(app, worker, kase.id, 'VERIFY', phonePhoto('2026:03:05 16:00:00', { lng: 117.47, lat: 31.88 }))).status).toBe(201);
    kase = await walk(worker, 'VERIFY_PASS', kase);
    expect(kase.status).toBe('CLOSED');
  });
});
