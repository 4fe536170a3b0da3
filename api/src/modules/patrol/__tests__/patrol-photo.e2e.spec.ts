import { createHash } from 'node:crypto';
import { toGlobalId } from '../../../common/global-id';
import { phonePhoto } from '../../../test/photo';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';

const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id photoUrl } }`;

describe('patrol check-in photos', () => {
  let app: TestApp;
  let worker: GraphQLClient;

  const post = async (client: GraphQLClient, checkInId: string, data: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), 'patrol.jpg');
    const response = await fetch(`${app.url}/patrol-check-ins/${checkInId}/photo`, { method: 'POST', body: form, headers: client.cookie ? { cookie: client.cookie } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const get = (client: GraphQLClient | null, url: string) => fetch(`${app.url}${url}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });

  beforeAll(async () => {
    app = await startTestApp();
    worker = await app.as('gridworker');
  });
  afterAll(() => app.close());

  it('the author attaches one photo (a resend of it is no change); those who read the check-in see it, nobody replaces it', async () => {
    const village = toGlobalId('Grid', (await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104008'`))[0].id);
    const { checkIn } = await worker.data<{ checkIn: { id: string; photoUrl: string | null } }>(CHECK_IN, { input: { gridId: village, location: { lng: 117.5, lat: 31.8 } } });
    expect(checkIn.photoUrl).toBeNull();

    const photo = phonePhoto('2026:11:20 10:00:00', { lng: 117.5, lat: 31.8 });
    expect((await post(await app.as('township'), checkIn.id, photo)).status).toBe(403);
    expect((await post(worker, checkIn.id, Buffer.from('%PDF-1.4 not a photo'))).status).toBe(400);
    const stored = await post(worker, checkIn.id, photo);
    expect(stored).toMatchObject({ status: 201, body: { sha256: createHash('sha256').update(photo).digest('hex'), mimeType: 'image/jpeg' } });
    // A resend of the same photo (its answer lost) finds it stored; another photo is refused.
    expect(await post(worker, checkIn.id, photo)).toEqual({ status: 200, body: stored.body });
    expect((await post(worker, checkIn.id, phonePhoto('2026:11:20 10:05:00', { lng: 117.5, lat: 31.8 }))).status).toBe(409);

    const url = String(stored.body.url);
    const seen = await get(await app.as('township'), url);
    expect(seen.status).toBe(200);
    expect(Buffer.from(await seen.arrayBuffer()).equals(photo)).toBe(true);
    expect((await get(await app.as('yaohai'), url)).status).toBe(404);
    expect((await get(null, url)).status).toBe(401);
  });
});
