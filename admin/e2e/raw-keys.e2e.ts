import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl, openBrowser, signIn, type PhoneOptions } from './browser';
import { clearScreens, pngSize, saveScreen, writeIndex, type Shot } from './gallery';
import { apiAs } from './graphql';

/**
 * The raw-key scan: every route of the console, in zh-CN and English, as several roles,
 * and no screen may show a message key, an untranslated enum value or (in Chinese) an
 * English label. The routes come from App.tsx itself, so a new screen is scanned without
 * anyone remembering to add it here.
 */

const SRC = path.resolve(__dirname, '..', 'src');

interface Screen {
  /** The hash route, e.g. /cases, /cases/create or /check-in/:gridId. */
  route: string;
  /** Open the first row of the list and scan the record page it leads to. */
  openFirstRow?: boolean;
  /** A field screen (lazy-loaded from src/field/): what the phone of a field role shows. */
  field?: boolean;
}

/** The resources (name and which views they have) and the custom routes declared in App.tsx. */
function appScreens(): Screen[] {
  const app = readFileSync(path.join(SRC, 'App.tsx'), 'utf8');
  const screens: Screen[] = [];
  for (const [, variable] of app.matchAll(/<Resource \{\.\.\.(\w+)\}/g)) {
    const from = new RegExp(`import \\{ ${variable} \\} from '\\./([\\w/]+)'`).exec(app)?.[1];
    if (!from) throw new Error(`App.tsx: no import for resource ${variable}`);
    const spec = readFileSync(path.join(SRC, from, 'index.ts'), 'utf8');
    const name = /name: '(\w+)'/.exec(spec)?.[1];
    if (!name) throw new Error(`${from}/index.ts: no resource name`);
    if (/\blist:/.test(spec)) screens.push({ route: `/${name}`, openFirstRow: /\b(show|edit):/.test(spec) });
    if (/\bcreate:/.test(spec)) screens.push({ route: `/${name}/create` });
  }
  for (const [, route, element] of app.matchAll(/<Route path="([^"]+)" element=\{<(\w+)/g)) {
    const field = new RegExp(`const ${element} = lazy\\(\\(\\) => import\\('\\./field/`).test(app);
    screens.push({ route, field });
  }
  screens.push({ route: '/', field: true });
  return screens;
}

/** Upper-case words that are real codes or abbreviations, not enum values. */
const ALLOWED_CAPS = new Set(['CSV', 'API', 'URL', 'GPS', 'WGS', 'HJ', 'ID', 'DA', 'DW', 'SVG', 'PNG', 'JPEG', 'JPG', 'PDF', 'QR', 'HTTP', 'HTTPS', 'GB', 'GIS', 'XLSX', 'ICS', 'PWA']);

/** Product names written the same in Chinese. */
const ALLOWED_NAMES = new Set(['Excel']);

/** What a screen shows that no clerk should see, with the text it is in; empty when the screen is clean. */
function offenders(texts: string[], locale: 'zh' | 'en'): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    const add = (what: string) => found.add(`${what} in "${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`);
    for (const [key] of text.matchAll(/\b(?:gw|ra|resources)\.[\w]+(?:\.[\w]+)*/g)) add(`raw key ${key}`);
    for (const [word] of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) add(`enum ${word}`);
    for (const [word] of text.matchAll(/(?<![\w.@-])[A-Z]{3,}(?![\w.@-])/g)) if (!ALLOWED_CAPS.has(word)) add(`upper case ${word}`);
    // Base measures are written in snake case inside a formula ("rate(closed_on_time, due)"), and only there.
    if (!/\w\(/.test(text)) for (const [word] of text.matchAll(/(?<![\w.@-])[a-z]+(?:_[a-z]+)+(?![\w.@-])/g)) add(`snake case ${word}`);
    // In Chinese mode a capitalised English phrase ("Rows per page", "Choose File") is a missed translation.
    if (locale === 'zh')
      for (const [phrase] of text.matchAll(/(?<![\w.@/-])[A-Z][a-z]{2,}(?: [A-Za-z]+)*(?![\w.@/-])/g)) if (!ALLOWED_NAMES.has(phrase)) add(`English ${phrase}`);
  }
  return [...found];
}

/** Visible leaf texts, placeholders, labels and a native file input (which says "Choose File" in the browser's language). */
async function screenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (['SCRIPT', 'STYLE', 'svg'].includes(el.tagName) || !visible(el)) continue;
      // Codes the user types and reads as codes: formulas (<code>) and code columns (indicator codes such as CLOSE_RATE).
      if (el.closest('code, td.column-code')) continue;
      for (const node of Array.from(el.childNodes)) {
        // innerText of the parent applies text-transform: an upper-cased label shows as it looks.
        if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) texts.push((el as HTMLElement).innerText ?? node.textContent);
      }
      for (const attribute of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attribute);
        if (value) texts.push(value);
      }
      if (el instanceof HTMLInputElement && el.type === 'file' && visible(el) && !el.hidden) texts.push('Choose File (a native file input)');
    }
    return texts;
  });
}

/** Requests in flight per page: a screen is not done while its queries are out. */
const inFlight = new WeakMap<Page, Set<unknown>>();

function trackRequests(page: Page): void {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/** Waits until the screen stops loading: no request out, no progress bar or skeleton, and the text unchanged for a moment. */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = '';
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(250);
    const { text, busy } = await page.evaluate(() => ({
      text: document.body.innerText,
      busy: document.querySelectorAll('[role="progressbar"], .MuiSkeleton-root').length > 0,
    }));
    if (text !== last || busy || (inFlight.get(page)?.size ?? 0) > 0) {
      last = text;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 600) return;
  }
}

/** The language menu of the app bar; on a phone the bar shows the language as an icon (a field phone has no menu at all), so there the stored choice is set as the menu would. */
async function useLanguage(page: Page, locale: 'zh' | 'en', phone: boolean): Promise<void> {
  if (phone) {
    await page.evaluate((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
    await page.goto(`${baseUrl()}/#/`);
    await page.reload();
    // The page declares the language the console took.
    await page.locator(`html[lang="${locale === 'en' ? 'en' : 'zh-CN'}"]`).waitFor({ state: 'attached' });
    return;
  }
  await page.goto(`${baseUrl()}/#/`);
  await page.getByTestId('identity-unit').waitFor();
  const [from, to] = locale === 'en' ? ['中文', 'English'] : ['English', '中文'];
  const button = page.getByRole('button', { name: from });
  if (await button.count()) {
    await button.click();
    await page.getByRole('menuitem', { name: to }).click();
  }
  await page.getByRole('button', { name: to }).waitFor();
}

/** How far the screen is wider than the phone (0 when it fits): a wider page is cut at the screen's edge. */
function phoneOverflow(page: Page): Promise<number> {
  // Not innerWidth: a mobile browser widens its layout viewport to the overflow it should show.
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Scans every screen this account can open, in both languages, and keeps a screenshot of each: what it found, which routes it reached and the screenshots. */
async function scanAs(login: string, screens: Screen[], phone?: PhoneOptions): Promise<{ report: string[]; scanned: Record<'zh' | 'en', Set<string>>; shots: Shot[] }> {
  const s = await openBrowser(phone);
  const report: string[] = [];
  const scanned = { zh: new Set<string>(), en: new Set<string>() };
  const shots: Shot[] = [];
  const folder = phone ? `${login}-phone` : login;
  trackRequests(s.page);
  try {
    await signIn(s.page, login);
    for (const locale of ['zh', 'en'] as const) {
      await useLanguage(s.page, locale, Boolean(phone));
      const reached = scanned[locale];
      /** Once the screen has settled: its texts checked, and its screenshot kept. */
      const look = async (route: string) => {
        await settle(s.page);
        for (const offender of offenders(await screenTexts(s.page), locale)) report.push(`${login} ${route} [${locale}]: ${offender}`);
        const over = phone ? await phoneOverflow(s.page) : 0;
        if (over > 1) report.push(`${login} ${route} [${locale}]: ${over} px wider than the phone`);
        shots.push(await saveScreen(s.page, folder, locale, route));
        reached.add(route);
      };
      for (const screen of screens.filter((x) => !x.route.includes(':'))) {
        await s.page.goto(`${baseUrl()}/#${screen.route}`);
        await look(screen.route);
        // A route with a parameter (/check-in/:gridId) is scanned where a link on this screen leads to it.
        for (const param of screens.filter((x) => x.route.includes(':') && !reached.has(x.route))) {
          const prefix = param.route.slice(0, param.route.indexOf(':'));
          const link = s.page.locator(`a[href^="#${prefix}"]`).first();
          if (!(await link.count())) continue;
          await s.page.goto(`${baseUrl()}/${await link.getAttribute('href')}`);
          await look(param.route);
        }
        if (!screen.openFirstRow) continue;
        // A table's row, or on a phone a card of a simple list (the case list's).
        const row = s.page.locator('tbody tr.RaDatagrid-clickableRow, tbody tr[class*="clickable"]').first();
        const card = s.page.locator('.RaList-content a[href$="/show"]').first();
        const before = s.page.url();
        if (await row.count()) await row.locator('td').nth(1).click();
        else if (await card.count()) await card.click();
        else continue;
        await s.page.waitForURL((url) => url.toString() !== before, { timeout: 5_000 }).catch(() => undefined);
        if (s.page.url() === before) continue;
        await look(`${screen.route}/:id`);
        // Tabs of a record page (history, outlets, children…) hold most of the enum values.
        const tabs = s.page.getByRole('tab');
        for (let i = 1; i < (await tabs.count()); i++) {
          await tabs.nth(i).click();
          await look(`${screen.route}/:id tab ${i}`);
        }
      }
    }
    report.push(...s.problems.map((p) => `${login}: ${p}`));
  } finally {
    await s.close();
  }
  return { report: [...new Set(report)], scanned, shots };
}

const SCREENS = appScreens();
const FIELD_PHONE: PhoneOptions = { at: { lng: 117.4, lat: 31.95 } };
const COUNTY_PHONE: PhoneOptions = { at: { lng: 117.47, lat: 31.88 } };

test('the screens are derived from App.tsx', () => {
  const routes = SCREENS.map((s) => s.route);
  expect(routes).toEqual(expect.arrayContaining(['/cases', '/cases/create', '/sources', '/assessment', '/map', '/report', '/check-in/:gridId', '/']));
  expect(SCREENS.filter((x) => x.field).map((x) => x.route).sort()).toEqual(['/', '/check-in/:gridId', '/outbox', '/report']);
  expect(offenders(['gw.enum.CaseStatus.EXTENSION_REQUESTED', 'patrols_required', 'GENERAL', '导出 EXCEL', 'Choose File'], 'zh')).toHaveLength(6);
  expect(offenders(['案件编号 20261127001', 'CSV', 'cityadmin', '91130200699229617X001P'], 'zh')).toEqual([]);
});

/** A drawn spot check stratified by supervision level (the seed has none): its page shows the levels as words, not GENERAL/KEY/SPECIAL. */
beforeAll(async () => {
  const api = await apiAs('inspector');
  const { officers } = await api<{ officers: { nodes: { id: string }[] } }>(`{ officers(first: 100) { nodes { id } } }`);
  const { createSpotCheckCampaign: campaign } = await api<{ createSpotCheckCampaign: { id: string } }>(
    `mutation($input: CreateSpotCheckCampaignInput!) { createSpotCheckCampaign(input: $input) { id } }`,
    { input: { title: `按监管等级抽查 ${Date.now()}`, population: { supervisionLevels: ['GENERAL', 'KEY', 'SPECIAL'] }, stratification: 'LEVEL', sampleSize: 1, inspectorPoolIds: officers.nodes.map((o) => o.id) } },
  );
  await api(`mutation($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { __typename } }`, { input: { campaignId: campaign.id } });
});

/** Every screenshot of this run, for the gallery's index (written after the last account). */
const gallery: Shot[] = [];
beforeAll(() => clearScreens());
afterAll(() => {
  if (!gallery.length) return;
  writeIndex(gallery);
  const ms = gallery.reduce((sum, shot) => sum + shot.ms, 0);
  console.log(`screens: ${gallery.length} screenshots in artifacts/screens (index.html), ${(ms / 1000).toFixed(1)} s spent taking them`);
});

/** Who signs in, on what, and screens the scan must have reached (so a scan that opens nothing cannot pass). */
describe.each([
  ['cityadmin', 'cityadmin', undefined, ['/cases/:id', '/sources/:id', '/grids/:id', '/spotChecks/:id', '/assessment', '/monthly-report']],
  ['feidong', 'feidong', undefined, ['/cases/:id', '/sources/:id', '/spotChecks', '/assessment']],
  ['township', 'township', undefined, ['/cases/:id', '/sources/:id']],
  ['gridworker on the field phone', 'gridworker', FIELD_PHONE, ['/', '/report', '/outbox', '/check-in/:gridId']],
  // A county clerk's screens on a phone: the same texts, and none wider than the phone.
  ['feidong on a phone', 'feidong', COUNTY_PHONE, ['/cases/:id', '/sources/:id', '/spotChecks', '/assessment', '/map']],
] as const)('no raw keys, enum values or English in Chinese: %s', (_label, login, phone, reached) => {
  test('every route in zh-CN and en', async () => {
    const screens = login === 'gridworker' ? SCREENS.filter((x) => x.field) : phone ? SCREENS.filter((x) => !x.field) : SCREENS;
    const { report, scanned, shots } = await scanAs(login, screens, phone);
    gallery.push(...shots);
    expect(report).toEqual([]);
    const everyRoute = new Set([...scanned.zh, ...scanned.en]);
    for (const locale of ['zh', 'en'] as const) {
      expect({ locale, missed: reached.filter((route) => !scanned[locale].has(route)) }).toEqual({ locale, missed: [] });
      // A screenshot of every screen scanned (in either language) in this language, on disk, at the window's size.
      const shot = new Map(shots.filter((x) => x.locale === locale).map((x) => [x.route, pngSize(x.file)]));
      expect([...everyRoute].filter((route) => !shot.has(route))).toEqual([]);
      const size = phone ? { width: 390, height: 844 } : { width: 1440, height: 900 };
      expect([...shot].filter(([, got]) => got.width !== size.width || got.height !== size.height)).toEqual([]);
    }
  }, 600_000);
});
