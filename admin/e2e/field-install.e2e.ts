import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, baseUrl, openBrowser } from './browser';
import { serviceWorkerReady } from './phone';

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/**
 * Chromium's CPU throttler reads a CPU-time clock that faketime shifts by years (the any-day
 * run, scripts/any-day.mjs): throttled, the page would never get the CPU. Under faketime the
 * measure runs with the network throttled only, and says so.
 */
const cpuThrottled = !/faketime/.test(process.env.LD_PRELOAD ?? '');

/** Lighthouse's mobile profile: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, the CPU four times slower. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

test('the console installs as an app: manifest in Chinese, icons, a service worker for the whole origin', async () => {
  const s = await openBrowser({ at: { lng: 117.52, lat: 31.71 } });
  try {
    await s.page.goto(`${baseUrl()}/`);
    const href = await s.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await s.context.request.get(new URL(href!, baseUrl()).toString())).json()) as Manifest;
    expect(manifest).toMatchObject({ name: 'gridwatch 网格化环境监管', short_name: '网格监管', lang: 'zh-CN', start_url: '/', display: 'standalone' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose !== 'maskable');
      const response = await s.context.request.get(new URL(icon!.src, baseUrl()).toString());
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    await serviceWorkerReady(s.page);
    const scope = await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(`${baseUrl()}/`);
  } finally {
    await s.close();
  }
});

/**
 * Measured, not asserted (the machine is shared): what the grid worker's first screen
 * downloads and how long it takes on a throttled 4G phone, cold and then from the service
 * worker's cache. Written to artifacts/field-metrics.json.
 */
test('measures the field home screen on a throttled 4G phone, cold and from the service worker', async () => {
  const s = await openBrowser({ at: { lng: 117.52, lat: 31.71 } });
  try {
    await s.context.request.post(`${baseUrl()}/graphql`, {
      data: { query: 'mutation { signIn(login: "gridworker", password: "gridwatch") { role } }' },
    });
    const cdp = await s.context.newCDPSession(s.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    if (cpuThrottled) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const types = new Map<string, string>();
    const bytes = { script: 0, all: 0 };
    cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      bytes.all += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') bytes.script += e.encodedDataLength;
    });
    const load = async () => {
      const started = Date.now();
      // Throttled, the page's load event may come late: the measure ends at the home with data.
      await s.page.goto(`${baseUrl()}/`, { waitUntil: 'commit', timeout: 120_000 });
      await s.page.getByTestId('field-report-button').waitFor({ timeout: 120_000 });
      await s.page.getByTestId('field-plan').first().waitFor({ timeout: 120_000 });
      return Date.now() - started;
    };
    const coldMs = await load();
    const cold = { ...bytes };
    await serviceWorkerReady(s.page);
    bytes.script = 0;
    bytes.all = 0;
    const warmMs = await load();
    const metrics = {
      profile: `Lighthouse mobile: 150 ms RTT, 1.6 Mbit/s down, ${cpuThrottled ? 'CPU ×4' : 'CPU not throttled (faketime)'}; viewport 390×844`,
      cold: { msToHomeWithData: coldMs, scriptKBOnWire: Math.round(cold.script / 1024), allKBOnWire: Math.round(cold.all / 1024) },
      fromServiceWorker: { msToHomeWithData: warmMs, scriptKBOnWire: Math.round(bytes.script / 1024), allKBOnWire: Math.round(bytes.all / 1024) },
    };
    writeFileSync(path.join(ARTIFACTS, 'field-metrics.json'), JSON.stringify(metrics, null, 2));
    console.log(`field home on throttled 4G: ${JSON.stringify(metrics)}`);
    expect(cold.script).toBeGreaterThan(0);
  } finally {
    await s.close();
  }
}, 240_000);
