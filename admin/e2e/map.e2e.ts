import type { Page } from 'playwright-core';
import { asUser, baseUrl, eventually, expectCount, onPhone, screenshot } from './browser';
import { apiAs } from './graphql';

const COUNTIES = ['瑶海区', '庐阳区', '蜀山区', '包河区', '长丰县', '肥东县', '肥西县', '庐江县', '巢湖市'];
const HEFEI = { minLng: 116, minLat: 30.5, maxLng: 118.5, maxLat: 33, zoom: 8 };
const TOTALS = `query($view: MapViewInput!) { mapSources(view: $view) { total unlocated } mapCases(view: $view) { total } mapCheckIns(view: $view) { total } }`;

interface Totals {
  mapSources: { total: number; unlocated: number };
  mapCases: { total: number };
  mapCheckIns: { total: number };
}

async function totalsOf(login: string): Promise<Totals> {
  return (await apiAs(login))<Totals>(TOTALS, { view: HEFEI });
}

const scaleText = (page: Page) => page.locator('.leaflet-control-scale-line').first().textContent();
/** What the scale bar says one pixel is, in metres. */
async function metresPerPixel(page: Page): Promise<number> {
  const scale = page.locator('.leaflet-control-scale-line').first();
  const [, n, unit] = /(\d+) (k?m)/.exec((await scale.textContent()) ?? '') ?? [];
  const width = (await scale.boundingBox())?.width ?? 0;
  return (Number(n) * (unit === 'km' ? 1000 : 1)) / width;
}
const overlay = (page: Page, name: string) => page.locator('.leaflet-control-layers-overlays label').filter({ hasText: name }).locator('input');

test('the office map: boundaries with names, a scale, layers that add up, clusters that zoom, points that open', () =>
  asUser('cityadmin', async (s) => {
    const totals = await totalsOf('cityadmin');
    expect(totals.mapSources.total).toBeGreaterThan(500);
    await s.page.goto(`${baseUrl()}/#/map`);
    // County boundaries with their names at their label points; the scale in metres.
    await eventually(async () => expect(await s.page.locator('.gw-boundary-county').count()).toBeGreaterThanOrEqual(9));
    const labels = await s.page.locator('.gw-map-label-county').allTextContents();
    for (const county of COUNTIES) expect(labels).toContain(county);
    await s.page.locator('.leaflet-control-scale-line').first().waitFor();
    expect(await scaleText(s.page)).toMatch(/\d+ k?m/);
    // Every record counted: the totals say the layers' totals, not what is drawn.
    await eventually(async () => expect(await s.page.getByTestId('map-total-sources').textContent()).toContain(`共 ${totals.mapSources.total} 条`));
    await eventually(async () => expect(await s.page.getByTestId('map-total-cases').textContent()).toContain(`共 ${totals.mapCases.total} 条`));
    await eventually(async () => expect(await s.page.getByTestId('map-total-checkIns').textContent()).toContain(`共 ${totals.mapCheckIns.total} 条`));
    const drawn = async (layer: string) =>
      s.page.locator(`.gw-cluster-${layer} span`).evaluateAll((spans) => spans.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0)) as Promise<number>;
    const points = async (layer: string) => s.page.locator(`.gw-point-${layer}`).count();
    // At the city's view everything located is in sight: clusters and single points add up to the
    // total less the sources without a position (other tests of the run create some).
    await eventually(async () => expect((await drawn('sources')) + (await points('sources'))).toBe(totals.mapSources.total - totals.mapSources.unlocated));
    await expect(s.page.getByTestId('map-legend').textContent()).resolves.toContain('示意');
    await screenshot(s.page, 'map-city');

    // Each layer toggles from the layer control.
    for (const [name, layer] of [['污染源', 'sources'], ['案件', 'cases'], ['巡查打卡', 'checkIns']] as const) {
      await eventually(async () => expect((await drawn(layer)) + (await points(layer))).toBeGreaterThan(0));
      await overlay(s.page, name).uncheck();
      await eventually(async () => expect((await drawn(layer)) + (await points(layer))).toBe(0));
      await overlay(s.page, name).check();
      await eventually(async () => expect((await drawn(layer)) + (await points(layer))).toBeGreaterThan(0));
    }
    const townships = await s.page.locator('.gw-boundary-township').count();
    expect(townships).toBeGreaterThan(100);
    await overlay(s.page, '乡镇街道边界').uncheck();
    await expectCount(s.page.locator('.gw-boundary-township'), 0);
    await overlay(s.page, '乡镇街道边界').check();
    await expectCount(s.page.locator('.gw-boundary-township'), townships);

    // Only sources from here on: a cluster click zooms in (fewer metres per pixel on the scale),
    // and again until single points show.
    await overlay(s.page, '案件').uncheck();
    await overlay(s.page, '巡查打卡').uncheck();
    for (let i = 0; i < 6 && (i === 0 || (await points('sources')) === 0); i++) {
      const before = await metresPerPixel(s.page);
      await s.page.locator('.gw-cluster-sources span').first().click();
      await eventually(async () => expect(await metresPerPixel(s.page)).toBeLessThan(before / 2));
      await s.page.waitForTimeout(500);
    }
    const point = s.page.locator('.gw-point-sources').first();
    await point.waitFor();
    await screenshot(s.page, 'map-zoomed');
    await point.click();
    await s.page.waitForURL(/#\/sources\/[^/]+\/show/);
    expect(s.external).toEqual([]);
    expect(s.problems).toEqual([]);
  }));

test('a county administrator on a phone sees its own county, its totals and the scale at 390 px', () =>
  onPhone('yaohai', { at: { lng: 117.34, lat: 31.87 } }, async (s) => {
    const own = await totalsOf('yaohai');
    const city = await totalsOf('cityadmin');
    expect(own.mapSources.total).toBeLessThan(city.mapSources.total);
    await s.page.goto(`${baseUrl()}/#/map`);
    await expectCount(s.page.locator('.gw-boundary-county'), 1);
    await expect(s.page.locator('.gw-map-label-county').allTextContents()).resolves.toEqual(['瑶海区']);
    await s.page.locator('.leaflet-control-scale-line').first().waitFor();
    await eventually(async () => expect(await s.page.getByTestId('map-total-sources').textContent()).toContain(`共 ${own.mapSources.total} 条`));
    await eventually(async () => expect(await s.page.getByTestId('map-total-cases').textContent()).toContain(`共 ${own.mapCases.total} 条`));
    // Nothing wider than the phone.
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(s.page, 'map-phone');
    expect(s.external).toEqual([]);
    expect(s.problems).toEqual([]);
  }));
