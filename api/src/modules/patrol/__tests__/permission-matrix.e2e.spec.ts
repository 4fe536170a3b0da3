import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../test/test-app';

type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND';

const LOGINS = ['cityadmin', 'inspector', 'citydept', 'operator', 'yaohai', 'yaohaidept', 'feidong', 'countydept', 'officer', 'township', 'gridworker'] as const;
type Login = (typeof LOGINS)[number];

/** Everyone not named gets FORBIDDEN. Targets: 长临河镇 (CLH) and its village 六家畈 (LJF). */
const MATRIX: Record<string, Partial<Record<Login, Outcome>>> = {
  coverage: { cityadmin: 'OK', inspector: 'OK', citydept: 'OK', operator: 'NOT_FOUND', yaohai: 'NOT_FOUND', yaohaidept: 'NOT_FOUND', feidong: 'OK', countydept: 'OK', officer: 'NOT_FOUND', township: 'OK' },
  generatePatrolPlans: { cityadmin: 'OK', yaohai: 'NOT_FOUND', feidong: 'OK', township: 'OK' },
  setPatrolRule: { cityadmin: 'OK' },
  checkIn: { gridworker: 'OK' },
  createEnforcementPlan: { cityadmin: 'OK', inspector: 'OK', yaohai: 'NOT_FOUND', feidong: 'OK', township: 'OK' },
  createTask: { cityadmin: 'OK', inspector: 'OK', yaohai: 'NOT_FOUND', feidong: 'OK', township: 'OK' },
};

const DOCUMENTS: Record<string, string> = {
  coverage: `query($clh: ID!) { coverage(withinId: $clh) { gridCount } }`,
  generatePatrolPlans: `mutation($clh: ID!) { generatePatrolPlans(month: "2027-02", withinId: $clh) { plans } }`,
  setPatrolRule: `mutation { setPatrolRule(input: { gridLevel: VILLAGE, gridKind: ADMINISTRATIVE, timesPerMonth: 4 }) { timesPerMonth } }`,
  checkIn: `mutation($ljf: ID!) { checkIn(input: { gridId: $ljf, location: { lng: 117.5, lat: 31.8 } }) { id } }`,
  createEnforcementPlan: `mutation($clh: ID!) { createEnforcementPlan(input: { unitId: $clh, kind: ANNUAL, year: 2027, title: "矩阵" }) { id } }`,
  createTask: `mutation($clh: ID!) { createTask(input: { origin: TRANSFER, title: "矩阵", gridId: $clh, dueAt: "2027-01-10T10:00:00Z" }) { id } }`,
};

describe('plans and patrols: role × operation matrix on 长临河镇', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('every demo role gets exactly the expected outcome', async () => {
    const id = async (code: string) => toGlobalId('Grid', (await app.ownerSql<{ id: number }>(`select id from grid where code = $1`, [code]))[0].id);
    const variables = { clh: await id('340122104000'), ljf: await id('340122104008') };
    const unexpected: string[] = [];
    for (const login of LOGINS) {
      const client = await app.as(login);
      for (const [operation, expected] of Object.entries(MATRIX)) {
        const document = DOCUMENTS[operation];
        const used = Object.fromEntries(Object.entries(variables).filter(([name]) => document.includes(`$${name}`)));
        const result = await client.request(document, used);
        const outcome = result.errors?.length ? String(result.errors[0].extensions?.code) : 'OK';
        const want = expected[login] ?? 'FORBIDDEN';
        if (outcome !== want) unexpected.push(`${login} ${operation}: ${outcome}, expected ${want}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
