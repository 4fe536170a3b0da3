import { createHash } from 'node:crypto';
import { phonePhoto } from '../../../test/photo';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

async function upload(app: TestApp, client: GraphQLClient | null, inspectionId: string, data: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), 'site.jpg');
  const response = await fetch(`${app.url}/inspections/${inspectionId}/photos`, { method: 'POST', body: form, headers: client?.cookie ? { cookie: client.cookie } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('inspection photos (the evidence storage)', () => {
  let app: TestApp;
  let officer: GraphQLClient;
  let inspectionId: string;

  beforeAll(async () => {
    app = await startTestApp();
    officer = await app.as('officer');
    const source = (await officer.data<{ sources: { nodes: { id: string }[] } }>(`{ sources(first: 1, filter: { status: ACTIVE }) { nodes { id } } }`)).sources.nodes[0];
    const { recordInspection } = await officer.data<{ recordInspection: { id: string } }>(
      `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }`,
      { input: { sourceId: source.id, inspectedOn: '2026-11-20', result: 'PROBLEM_FOUND', findings: '危废贮存间未上锁' } },
    );
    inspectionId = recordInspection.id;
  });
  afterAll(() => app.close());

  it('stores a photo with its SHA-256, EXIF time and place, and serves it only to those who may read the inspection', async () => {
    const photo = phonePhoto('2026:11:20 09:30:00', { lng: 117.47, lat: 31.88 });
    const { status, body } = await upload(app, officer, inspectionId, photo);
    expect(status).toBe(201);
    expect(body).toMatchObject({ mimeType: 'image/jpeg', sha256: createHash('sha256').update(photo).digest('hex'), takenAt: '2026-11-20T01:30:00.000Z' });

    const feidong = await app.as('feidong');
    const { inspection } = await feidong.data<{ inspection: { photos: { sha256: string; url: string }[] } }>(
      `query($id: ID!) { inspection(id: $id) { photos { sha256 url } } }`,
      { id: inspectionId },
    );
    expect(inspection.photos).toEqual([{ sha256: body.sha256, url: body.url }]);
    const own = await fetch(`${app.url}${String(body.url)}`, { headers: { cookie: feidong.cookie! } });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(photo)).toBe(true);
    const yaohai = await app.as('yaohai');
    expect((await fetch(`${app.url}${String(body.url)}`, { headers: { cookie: yaohai.cookie! } })).status).toBe(404);
    expect((await fetch(`${app.url}${String(body.url)}`)).status).toBe(401);
  });

  it('refuses uploads from those who may not record the inspection, and files that are not photos or PDFs', async () => {
    const photo = phonePhoto('2026:11:20 09:30:00', { lng: 117.47, lat: 31.88 });
    const count = async () => (await app.ownerSql<{ n: number }>('select count(*)::int as n from inspection_photo'))[0].n;
    const before = await count();
    expect((await upload(app, await app.as('feidong'), inspectionId, photo)).status).toBe(403);
    expect((await upload(app, await app.as('yaohai'), inspectionId, photo)).status).toBe(404);
    expect((await upload(app, null, inspectionId, photo)).status).toBe(401);
    const text = await upload(app, officer, inspectionId, Buffer.from('<html>not a photo</html>'));
    expect(text).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'file' } } });
    expect(await count()).toBe(before);
    expect((await upload(app, await app.as('inspector'), inspectionId, photo)).status).toBe(201);
  });
});
