import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type GraphQLClient, type TestApp } from '../../../test/test-app';
import { TEST_CLOCK_START } from '../../../test/time';

const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { id at receivedAt notes } }`;

interface CheckedIn {
  id: string;
  at: string;
  receivedAt: string;
  notes: string | null;
}

describe('check-ins sent later from a phone that had no network', () => {
  let app: TestApp;
  let worker: GraphQLClient;
  let village: string;
  const at = { lng: 117.5, lat: 31.8 };
  const hoursBefore = (h: number) => new Date(TEST_CLOCK_START.getTime() - h * 3_600_000).toISOString();

  beforeAll(async () => {
    app = await startTestApp();
    worker = await app.as('gridworker');
    village = toGlobalId('Grid', (await app.ownerSql<{ id: number }>(`select id from grid where code = '340122104008'`))[0].id);
  });
  afterAll(() => app.close());

  const rows = async (key: string) => (await app.ownerSql<{ n: number }>(`select count(*)::int as n from patrol_check_in where idempotency_key = $1`, [key]))[0].n;

  it('keeps the time the phone recorded, and the time the server got it', async () => {
    const observedAt = hoursBefore(3);
    const { checkIn } = await worker.data<{ checkIn: CheckedIn }>(CHECK_IN, { input: { gridId: village, location: at, observedAt, idempotencyKey: randomUUID() } });
    expect(checkIn.at).toBe(observedAt);
    expect(Date.parse(checkIn.receivedAt)).toBeGreaterThanOrEqual(TEST_CLOCK_START.getTime());
  });

  it('a resend under the same key returns the first check-in, concurrent resends too; another payload under it is a CONFLICT', async () => {
    const key = randomUUID();
    const input = { gridId: village, location: at, notes: '村口巡查', observedAt: hoursBefore(1), idempotencyKey: key };
    const answers = await Promise.all([1, 2, 3].map(() => worker.data<{ checkIn: CheckedIn }>(CHECK_IN, { input })));
    expect(new Set(answers.map((a) => a.checkIn.id)).size).toBe(1);
    expect(await rows(key)).toBe(1);

    const changed = await worker.request(CHECK_IN, { input: { ...input, notes: '另一条' } });
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await rows(key)).toBe(1);
  });

  it('a resend without the phone\'s time (sent online, lost on the way back) is the same check-in', async () => {
    const key = randomUUID();
    const first = await worker.data<{ checkIn: CheckedIn }>(CHECK_IN, { input: { gridId: village, location: at, idempotencyKey: key } });
    const resend = await worker.data<{ checkIn: CheckedIn }>(CHECK_IN, { input: { gridId: village, location: at, idempotencyKey: key } });
    expect(resend.checkIn).toEqual(first.checkIn);
    expect(await rows(key)).toBe(1);
  });

  it('refuses a phone time in the future or more than 7 days old, and writes nothing', async () => {
    for (const observedAt of [new Date(TEST_CLOCK_START.getTime() + 3_600_000).toISOString(), hoursBefore(8 * 24)]) {
      const key = randomUUID();
      const result = await worker.request(CHECK_IN, { input: { gridId: village, location: at, observedAt, idempotencyKey: key } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'observedAt' });
      expect(await rows(key)).toBe(0);
    }
  });
});
