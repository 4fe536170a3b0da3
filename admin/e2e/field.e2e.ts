import { asUser, baseUrl, eventually, expectText, onPhone, screenshot, type Session } from './browser';
import { apiAs } from './graphql';
import { testDay } from './clock';
import { databaseRows } from './database';
import { cameraPhoto, expectFitsPhone, serviceWorkerReady } from './phone';

/** 六家畈社区, the demo grid worker's village grid (seeds/src/generator/accounts.ts). */
const VILLAGE_CODE = '340122104008';
const GRID = `id name`;

type Api = Awaited<ReturnType<typeof apiAs>>;

interface Village {
  grid: { id: string; name: string };
  /** A place in the village: where one of its cases was reported. */
  at: { lng: number; lat: number };
}

async function village(asWorker: Api): Promise<Village> {
  const { grids } = await asWorker<{ grids: { nodes: { id: string; name: string }[] } }>(`{ grids(first: 1, filter: { search: "${VILLAGE_CODE}" }) { nodes { ${GRID} } } }`);
  const grid = grids.nodes[0];
  const { cases } = await asWorker<{ cases: { nodes: { location: { lng: number; lat: number } | null }[] } }>(
    `query($id: ID!) { cases(first: 20, filter: { withinId: $id }) { nodes { location { lng lat } } } }`,
    { id: grid.id },
  );
  const at = cases.nodes.find((c) => c.location)?.location;
  if (!at) throw new Error('the seed has no positioned case in the village');
  return { grid, at };
}

interface ServerCase {
  id: string;
  number: string;
  description: string;
  urgency: string;
  status: string;
  location: { lng: number; lat: number } | null;
  grid: { id: string };
  evidence: { stage: string; size: number; lng: number | null; lat: number | null; takenAt: string | null }[];
}

/** The cases of the village with this description, as the server has them. */
async function casesDescribed(api: Api, gridId: string, description: string): Promise<ServerCase[]> {
  const { cases } = await api<{ cases: { nodes: ServerCase[] } }>(
    `query($id: ID!) { cases(first: 50, filter: { withinId: $id }) { nodes { id number description urgency status location { lng lat } grid { id } evidence { stage size lng lat takenAt } } } }`,
    { id: gridId },
  );
  return cases.nodes.filter((c) => c.description === description);
}

async function checkInsNoted(api: Api, notes: string): Promise<{ id: string; photoUrl: string | null; at: string }[]> {
  const { patrolCheckIns } = await api<{ patrolCheckIns: { nodes: { id: string; notes: string | null; photoUrl: string | null; at: string }[] } }>(
    `{ patrolCheckIns(first: 50) { nodes { id notes photoUrl at } } }`,
  );
  return patrolCheckIns.nodes.filter((c) => c.notes === notes);
}

/** This month's patrols done on the grid, as the server counts them. */
async function planDone(api: Api, gridId: string): Promise<number> {
  const { me } = await api<{ me: { gridWorker: { id: string } } }>(`{ me { gridWorker { id } } }`);
  const { patrolPlans } = await api<{ patrolPlans: { nodes: { doneCount: number; grid: { id: string } }[] } }>(
    `query($month: String!, $worker: ID) { patrolPlans(first: 50, filter: { month: $month, gridWorkerId: $worker }) { nodes { doneCount grid { id } } } }`,
    { month: testDay().slice(0, 7), worker: me.gridWorker.id },
  );
  return patrolPlans.nodes.find((p) => p.grid.id === gridId)?.doneCount ?? 0;
}

/** Check-ins on the grid on a Beijing day. */
async function checkInsOn(api: Api, gridId: string, day: string): Promise<number> {
  const { patrolCheckIns } = await api<{ patrolCheckIns: { nodes: { at: string; grid: { id: string } }[] } }>(
    `query($month: String!) { patrolCheckIns(first: 100, filter: { month: $month }) { nodes { at grid { id } } } }`,
    { month: day.slice(0, 7) },
  );
  return patrolCheckIns.nodes.filter((c) => c.grid.id === gridId && new Date(Date.parse(c.at) + 8 * 3_600_000).toISOString().startsWith(day)).length;
}

/** Fills the phone's report form: a category chip, the description, optionally a photo. */
async function fillReport(s: Session, description: string, photo?: Buffer): Promise<void> {
  await s.page.getByTestId('field-report').waitFor();
  await s.page.getByTestId('field-categories').getByText('秸秆焚烧', { exact: true }).tap();
  if (photo) {
    await s.page.locator('input[name="photo"]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await s.page.getByRole('img', { name: 'IMG_0001' }).waitFor();
  }
  await s.page.locator('textarea[name="description"]').fill(description);
}

describe('the grid worker on a phone (390×844, touch)', () => {
  let asWorker: Api;
  let place: Village;
  beforeAll(async () => {
    asWorker = await apiAs('gridworker');
    place = await village(asWorker);
  });

  test('reports a case with a camera photo and the phone\'s position, the grid suggested from it', async () => {
    const description = `手机上报 村口焚烧秸秆 ${Date.now()}`;
    let reported: { id: string; number: string } | undefined;
    await onPhone('gridworker', { at: place.at }, async (s) => {
      await s.page.getByTestId('field-home').waitFor();
      await s.page.getByTestId('field-plan').first().waitFor();
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'phone-home');
      await s.page.getByTestId('field-report-button').tap();
      const photo = await cameraPhoto(s.page, '2026:11:28 08:40:00', place.at);
      expect(photo.length).toBeGreaterThan(1_000_000);
      await fillReport(s, description, photo);
      await expectText(s.page.getByTestId('field-location'), /位置 117\.\d+, 31\.\d+/);
      // The grid the phone stands in, suggested by the API from the position.
      await expectText(s.page.getByTestId('field-grid'), new RegExp(`${place.grid.name}.*按位置推荐`));
      await s.page.getByTestId('urgency-URGENT').tap();
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'phone-report');
      await s.page.getByTestId('field-report-submit').tap();
      await s.page.getByTestId('field-home').waitFor();

      const [kase] = await eventually(async () => {
        const found = await casesDescribed(asWorker, place.grid.id, description);
        expect(found).toHaveLength(1);
        expect(found[0].evidence).toHaveLength(1);
        return found;
      });
      expect(kase).toMatchObject({ urgency: 'URGENT', status: 'REPORTED', grid: { id: place.grid.id }, location: place.at });
      reported = kase;
      // Resized on the phone, and still carrying the camera's time and place.
      const [evidence] = kase.evidence;
      expect(evidence.stage).toBe('REPORT');
      expect(evidence.size).toBeLessThan(photo.length / 2);
      expect(evidence.lng).toBeCloseTo(place.at.lng, 3);
      expect(evidence.lat).toBeCloseTo(place.at.lat, 3);
      expect(evidence.takenAt).toBe('2026-11-28T00:40:00.000Z');

      // The case list at phone width: cards, the new case first.
      await s.page.getByTestId('field-nav-cases').tap();
      await expectText(s.page.getByTestId('case-cards').locator('li').first(), new RegExp(kase.number));
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'phone-cases');
      expect(s.problems).toEqual([]);
      expect(s.external).toEqual([]);
    });

    // The township's desk: the case page's summary head, and the photo with when and where it was taken.
    await asUser('township', async (s) => {
      await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(reported!.id)}/show`);
      await expectText(s.page.getByTestId('summary-number'), new RegExp(reported!.number));
      await expectText(s.page.getByTestId('summary-status'), /已上报/);
      await expectText(s.page.getByTestId('summary-handler'), /.+/);
      const photo = s.page.getByTestId('case-photo-REPORT');
      await expectText(photo, /上报 \(整改前\).*拍摄于 2026\/11\/28 08:40.*位置 117\.\d{5}, 31\.\d{5}/);
      // The photo itself arrives after its caption (a loaded machine took a while): it is drawn, not broken.
      await eventually(async () => expect(await photo.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0));
      await expectText(s.page.getByTestId('timeline-actor').first(), /经办人: .+/);
      await screenshot(s.page, 'case-page-summary-photos');
      expect(s.problems).toEqual([]);
    });
  }, 150_000);

  test('checks in on the day\'s patrol in one tap from the home screen; the month\'s progress counts it', async () => {
    const notes = `村道巡查 无异常 ${Date.now()}`;
    // The plan counts days with a check-in: today counts once, whoever checked in first.
    const doneBefore = await planDone(asWorker, place.grid.id);
    const checkedInToday = (await checkInsOn(asWorker, place.grid.id, testDay())) > 0;
    await onPhone('gridworker', { at: place.at }, async (s) => {
      const plan = s.page.getByTestId('field-plan').filter({ hasText: place.grid.name });
      await expectText(plan, new RegExp(`已巡查 ${doneBefore} / 计划`));
      await plan.getByTestId('field-plan-check-in').tap();
      await s.page.getByTestId('field-check-in').getByText(place.grid.name).waitFor();
      await expectText(s.page.getByTestId('field-location'), /位置 117\./);
      await s.page.locator('input[name="checkInPhoto"]').setInputFiles({ name: 'patrol.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(s.page, '2026:11:28 09:05:00', place.at) });
      await s.page.getByRole('img', { name: 'patrol' }).waitFor();
      await s.page.locator('textarea[name="notes"]').fill(notes);
      await screenshot(s.page, 'phone-check-in');
      await s.page.getByTestId('field-check-in-submit').tap();
      await s.page.getByTestId('field-home').waitFor();
      const doneAfter = doneBefore + (checkedInToday ? 0 : 1);
      expect(await planDone(asWorker, place.grid.id)).toBe(doneAfter);
      await expectText(plan, new RegExp(`已巡查 ${doneAfter} / 计划`));
      await screenshot(s.page, 'phone-home-after-check-in');
      const [checkIn] = await eventually(async () => {
        const found = await checkInsNoted(asWorker, notes);
        expect(found).toHaveLength(1);
        expect(found[0].photoUrl).not.toBeNull();
        return found;
      });
      expect(new Date(Date.parse(checkIn.at) + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(testDay());
      expect(s.problems).toEqual([]);
    });
  }, 120_000);

  test('verifies a handled case with an after photo from the camera, in a full-screen step', async () => {
    const kase = await handledCase(asWorker, place.grid.id);
    await onPhone('gridworker', { at: place.at }, async (s) => {
      await s.page.goto(`${baseUrl()}/#/cases/${encodeURIComponent(kase.id)}/show`);
      const verify = s.page.getByTestId('action-VERIFY_PASS');
      await verify.waitFor();
      // Every step this role may take is a full-width button.
      expect((await verify.boundingBox())!.width).toBeGreaterThan(300);
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'phone-case-fed-back');
      await verify.tap();
      const dialog = s.page.getByTestId('transition-dialog-VERIFY_PASS');
      await dialog.locator('input[name="afterPhoto"]').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(s.page, '2026:11:28 10:15:00', place.at) });
      await dialog.getByRole('img', { name: 'after' }).waitFor();
      await screenshot(s.page, 'phone-verify');
      await dialog.getByTestId('transition-submit').tap();
      await dialog.waitFor({ state: 'detached' });
      await s.page.getByTestId('timeline-action').filter({ hasText: '核实通过' }).first().waitFor();
      await screenshot(s.page, 'phone-case-closed');
      const [closed] = await casesDescribed(asWorker, place.grid.id, kase.description);
      expect(closed.status).toBe('CLOSED');
      expect(closed.evidence.filter((e) => e.stage === 'VERIFY')).toHaveLength(1);
      expect(s.problems).toEqual([]);
    });
  }, 150_000);

  test('offline: two reports and a check-in survive a reload without network and reach the server exactly once', async () => {
    const stamp = Date.now();
    const first = `离线上报一 ${stamp}`;
    const second = `离线上报二 ${stamp}`;
    const notes = `离线打卡 ${stamp}`;
    await onPhone('gridworker', { at: place.at }, async (s) => {
      await s.page.getByTestId('field-plan').first().waitFor();
      await serviceWorkerReady(s.page);
      await s.context.setOffline(true);

      for (const description of [first, second]) {
        await s.page.getByTestId('field-nav-report').tap();
        await fillReport(s, description);
        await s.page.getByTestId('field-grid').click();
        await s.page.getByRole('option', { name: place.grid.name }).tap();
        await s.page.getByTestId('field-report-submit').tap();
        await s.page.getByTestId('field-home').waitFor();
      }
      await s.page.getByTestId('field-plan').filter({ hasText: place.grid.name }).getByTestId('field-plan-check-in').tap();
      await s.page.locator('textarea[name="notes"]').fill(notes);
      await s.page.getByTestId('field-check-in-submit').tap();
      await s.page.getByTestId('field-home').waitFor();
      await expectText(s.page.getByTestId('field-outbox-banner'), /3 条等待发送/);

      // The app is closed and opened again, still without a network: the service worker starts
      // it, the outbox is still there.
      await s.page.reload();
      await s.page.getByTestId('field-home').waitFor();
      await expectText(s.page.getByTestId('field-outbox-banner'), /3 条等待发送/);
      // The map draws from what the phone keeps: the territory's open cases and the two reports.
      await s.page.getByTestId('field-nav-map').tap();
      await expectText(s.page.getByTestId('field-map-count'), /待发送的上报 2 条/);
      await screenshot(s.page, 'phone-offline-map');
      await s.page.getByTestId('field-nav-outbox').tap();
      await eventually(async () => expect(await s.page.getByTestId('outbox-item').count()).toBe(3));
      await screenshot(s.page, 'phone-offline-outbox');

      // The network returns, and the first report's answer is lost on its way back: the server
      // made the case, the phone does not know it and sends again under the same key.
      let lost = false;
      await s.page.route('**/graphql', async (route) => {
        if (!lost && route.request().postData()?.includes('FieldReport')) {
          lost = true;
          await route.fetch();
          await route.abort('connectionreset');
          return;
        }
        await route.continue();
      });
      await s.context.setOffline(false);
      await eventually(async () => {
        const statuses = await s.page.getByTestId('outbox-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-status')));
        expect(statuses).toEqual(['sent', 'sent', 'sent']);
      }, 60_000);
      expect(lost).toBe(true);
      await screenshot(s.page, 'phone-outbox-sent');
    });
    expect(await casesDescribed(asWorker, place.grid.id, first)).toHaveLength(1);
    expect(await casesDescribed(asWorker, place.grid.id, second)).toHaveLength(1);
    expect(await checkInsNoted(asWorker, notes)).toHaveLength(1);
    // In the database: one row each, every one under the key the phone gave it.
    const cases = await databaseRows<{ description: string; idempotency_key: string | null }>(`select description, idempotency_key from "case" where description = any($1)`, [[first, second]]);
    expect(cases.map((c) => c.description).sort()).toEqual([first, second].sort());
    const checkIns = await databaseRows<{ idempotency_key: string | null; at: Date; received_at: Date }>(`select idempotency_key, at, received_at from patrol_check_in where notes = $1`, [notes]);
    expect(checkIns).toHaveLength(1);
    for (const row of [...cases, ...checkIns]) expect(row.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
    // Recorded offline, received later: the check-in keeps the phone's time.
    expect(checkIns[0].at.getTime()).toBeLessThan(checkIns[0].received_at.getTime());
  }, 180_000);
});

/** A case of the village taken through the 肥东县 path by API to where the grid worker verifies it. */
async function handledCase(asWorker: Api, gridId: string): Promise<{ id: string; description: string }> {
  const description = `手机核实 村道扬尘 ${Date.now()}`;
  const { caseCategories } = await asWorker<{ caseCategories: { id: string; code: string }[] }>(`{ caseCategories { id code } }`);
  const dust = (caseCategories.find((c) => c.code === 'DUST') ?? caseCategories[0]).id;
  const step = async (api: Api, mutation: string, inputType: string, input: Record<string, unknown>): Promise<number> => {
    const data = await api<Record<string, { version: number }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { version } }`, { input });
    return data[mutation].version;
  };
  const { reportCase } = await asWorker<{ reportCase: { id: string; version: number } }>(`mutation($input: ReportCaseInput!) { reportCase(input: $input) { id version } }`, {
    input: { gridId, categoryId: dust, origin: 'PATROL', description },
  });
  const id = reportCase.id;
  let version = await step(await apiAs('township'), 'escalateCase', 'CaseReasonInput', { id, version: reportCase.version, reason: '本级无执法权' });
  const asCounty = await apiAs('feidong');
  version = await step(asCounty, 'fileCase', 'CaseStepInput', { id, version });
  const asDepartment = await apiAs('countydept');
  const { me } = await asDepartment<{ me: { department: { id: string } } }>(`{ me { department { id } } }`);
  version = await step(asCounty, 'dispatchCase', 'DispatchCaseInput', { id, version, departmentIds: [me.department.id], leadDepartmentId: me.department.id });
  version = await step(asDepartment, 'acceptCase', 'CaseStepInput', { id, version });
  await step(asDepartment, 'feedbackCase', 'FeedbackCaseInput', { id, version, result: '已清扫路面' });
  return { id, description };
}

describe('other people on a phone', () => {
  const at = { lng: 117.52, lat: 31.71 };

  test('township staff and officers get the field home (no patrol plan of their own), nothing wider than the phone', async () => {
    for (const login of ['township', 'officer']) {
      await onPhone(login, { at }, async (s) => {
        await s.page.getByTestId('field-home').waitFor();
        await s.page.getByTestId('case-card').first().waitFor();
        expect(await s.page.getByTestId('field-patrol').count()).toBe(0);
        await expectFitsPhone(s.page);
        await screenshot(s.page, `phone-home-${login}`);
        await s.page.getByTestId('field-nav-report').tap();
        await s.page.getByTestId('field-report').waitFor();
        await expectFitsPhone(s.page);
        expect(s.problems).toEqual([]);
      });
    }
  }, 120_000);

  test('in English on a phone: the home, the report form and the outbox fit and are translated', async () => {
    await onPhone('gridworker', { at }, async (s) => {
      await s.page.getByTestId('field-home').waitFor();
      await s.page.getByRole('button', { name: '中文' }).tap();
      await s.page.getByRole('menuitem', { name: 'English' }).tap();
      await s.page.getByText('Report a problem').waitFor();
      await s.page.getByTestId('field-plan').first().waitFor();
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'phone-home-en');
      await s.page.getByTestId('field-nav-report').tap();
      await s.page.getByTestId('field-report').getByText('Take photo').waitFor();
      await expectFitsPhone(s.page);
      await screenshot(s.page, 'phone-report-en');
      await s.page.getByTestId('field-nav-outbox').tap();
      await s.page.getByTestId('outbox').waitFor();
      await screenshot(s.page, 'phone-outbox-en');
      expect(s.problems).toEqual([]);
    });
  }, 60_000);

  test('an office role keeps the desktop console on a phone: the dashboard, no field bar', async () => {
    await onPhone('feidong', { at }, async (s) => {
      await s.page.getByTestId('identity-unit').waitFor();
      await s.page.getByText('案件总数').first().waitFor();
      expect(await s.page.getByTestId('field-nav').count()).toBe(0);
      expect(await s.page.getByTestId('field-home').count()).toBe(0);
      await screenshot(s.page, 'phone-dashboard-feidong');
      expect(s.problems).toEqual([]);
    });
  }, 60_000);
});
