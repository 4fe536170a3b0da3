import { asUser, baseUrl, expectCount, expectText, openBrowser, screenshot, signIn } from './browser';
import { apiAs } from './graphql';
import { expectFitsPhone } from './phone';

type PublicCases = { data: { publicCases: { nodes: { categoryCode: string; township: string | null; description: string | null }[] } } };

/** What the public reads, without signing in. */
const publicCases = async (): Promise<PublicCases['data']['publicCases']['nodes']> => {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ publicCases(first: 100) { nodes { categoryCode township description } } }' }),
  });
  return ((await response.json()) as PublicCases).data.publicCases.nodes;
};

/** 信息公开: the city decides in the console what the public reads of closed cases. */
describe('public disclosure settings', () => {
  afterAll(async () => {
    // Back to the default: nothing published.
    const city = await apiAs('cityadmin');
    await city('mutation($input: SetDisclosureSettingInput!) { setDisclosureSetting(input: $input) { publishedFrom } }', { input: { categoryIds: [], fields: [], publishedFrom: null } });
  });

  test('the city admin publishes 扬尘 cases from a day; the public then reads them, redacted', () =>
    asUser('cityadmin', async (s) => {
      expect(await publicCases()).toEqual([]);
      await s.page.getByRole('menuitem', { name: '信息公开' }).click();
      await expectText(s.page.getByTestId('disclosure-state'), /目前不公开任何案件/);
      await s.page.getByTestId('disclosure-from').fill('2026-01-01');
      await s.page.getByLabel('扬尘', { exact: true }).check();
      await screenshot(s.page, 'disclosure-settings');
      await s.page.getByTestId('disclosure-save').click();
      await expectText(s.page.getByTestId('disclosure-state'), /自 2026-01-01 起上报的已结案件公开中 \(1 个类别\)/);
      const published = await publicCases();
      expect(published.length).toBeGreaterThan(0);
      expect(published.every((c) => c.categoryCode === 'DUST' && c.township && c.description === null)).toBe(true);
      expect(s.problems).toEqual([]);
    }));

  test('a county admin has no such screen; the screen fits a phone', async () => {
    await asUser('feidong', async (s) => {
      await s.page.getByRole('menuitem').nth(3).waitFor();
      await expectCount(s.page.getByRole('menuitem', { name: '信息公开' }), 0);
    });
    const phone = await openBrowser({ at: { lng: 117.23, lat: 31.82 } });
    try {
      await signIn(phone.page, 'cityadmin');
      await phone.page.goto(`${baseUrl()}/#/disclosure`);
      await phone.page.getByTestId('disclosure-save').waitFor();
      await expectFitsPhone(phone.page);
      await screenshot(phone.page, 'disclosure-settings-phone');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
