// A cold visit of the console over a throttled mobile link, against running servers: how long
// until the sign-in form shows and how many bytes came over the wire by then, and the same to
// the first rows of the case list after signing in (the visit e2e/wire.e2e.ts measures, made
// repeatable across servers, encodings and runs). Several targets are measured in turn, run by
// run, so a busy machine weighs on all of them alike; the medians are printed as a table.
//
// Usage: node scripts/console-wire.mjs --target before=http://127.0.0.1:4612 --target after=http://127.0.0.1:4611
//          [--runs 3] [--encodings identity,gzip,br] [--typing 0,5000] [--login cityadmin] [--json out.json]
// The servers are started by you (README's start, or `pnpm --filter @gridwatch/api start` with PORT
// and GRIDWATCH_DATA_DIR); Chromium is Debian's (scripts/ensure-chromium.mjs installs it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

function options(argv) {
  const o = { targets: [], runs: 3, encodings: ['identity', 'gzip', 'br'], typing: [0, 5000], login: 'cityadmin', password: 'gridwatch', json: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--target') {
      const at = value.indexOf('=');
      o.targets.push({ label: value.slice(0, at), url: value.slice(at + 1).replace(/\/$/, '') });
    } else if (flag === '--runs') o.runs = Number(value);
    else if (flag === '--encodings') o.encodings = value.split(',');
    else if (flag === '--typing') o.typing = value.split(',').map(Number);
    else if (flag === '--login') o.login = value;
    else if (flag === '--json') o.json = value;
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  if (!o.targets.length) throw new Error('give at least one --target label=http://host:port');
  return o;
}

/** Lighthouse's mobile profile, as in the finding and e2e/wire.e2e.ts: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** The Accept-Encoding the browser sends (Chromium 156 has no Network.setAcceptedEncodings; an extra header replaces its own). */
const ACCEPTED = { identity: 'identity', gzip: 'gzip', br: 'br' };

/** One cold visit of /#/cases in a fresh context: no cookies, no cache, the service worker bypassed. */
async function coldVisit(browser, base, encoding, typingMs, o) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': ACCEPTED[encoding] } });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const types = new Map();
    const encodings = new Set();
    const bytes = { script: 0, all: 0, requests: 0 };
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      const header = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
      if (e.type === 'Script') encodings.add(header ? header[1] : 'identity');
    });
    cdp.on('Network.loadingFinished', (e) => {
      bytes.all += e.encodedDataLength;
      bytes.requests++;
      if (types.get(e.requestId) === 'Script') bytes.script += e.encodedDataLength;
    });
    const at = () => ({ scriptBytes: bytes.script, allBytes: bytes.all, requests: bytes.requests });
    const navigation = Date.now();
    await page.goto(`${base}/#/cases`, { waitUntil: 'commit', timeout: 120_000 });
    await page.locator('input[name="password"]').waitFor({ timeout: 120_000 });
    const signInForm = { ms: Date.now() - navigation, ...at() };
    await page.locator('input[name="username"]').fill(o.login);
    await page.locator('input[name="password"]').fill(o.password);
    if (typingMs) await page.waitForTimeout(typingMs);
    const submitted = Date.now();
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('identity-unit').waitFor({ timeout: 120_000 });
    if (!page.url().endsWith('#/cases')) await page.goto(`${base}/#/cases`);
    await page.locator('tbody tr td').first().waitFor({ timeout: 120_000 });
    const caseRows = { msAfterSubmit: Date.now() - submitted, msFromNavigation: Date.now() - navigation - typingMs, ...at() };
    return { signInForm, caseRows, scriptEncodings: [...encodings] };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

async function main() {
  const o = options(process.argv.slice(2));
  execFileSync(process.execPath, [path.join(here, 'ensure-chromium.mjs')], { stdio: 'inherit' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  const failed = [];
  try {
    for (let run = 1; run <= o.runs; run++)
      for (const encoding of o.encodings)
        for (const typingMs of o.typing)
          for (const target of o.targets) {
            // A visit that fails (a server restarted, a build replaced under it) is reported and left out of the medians.
            const visit = await coldVisit(browser, target.url, encoding, typingMs, o).catch((error) => ({ error: String(error).split('\n')[0] }));
            if ('error' in visit) {
              failed.push({ target: target.label, encoding, typingMs, run, ...visit });
              console.error(`${target.label} ${encoding} typing ${typingMs} ms run ${run}: FAILED ${visit.error}`);
              continue;
            }
            results.push({ target: target.label, encoding, typingMs, run, ...visit });
            console.error(`${target.label} ${encoding} typing ${typingMs} ms run ${run}: sign-in form ${visit.signInForm.ms} ms (${(visit.signInForm.allBytes / 1024).toFixed(0)} kB), rows ${visit.caseRows.msFromNavigation} ms from navigation (${(visit.caseRows.allBytes / 1024).toFixed(0)} kB) [${visit.scriptEncodings.join(',')}]`);
          }
  } finally {
    await browser.close();
  }
  const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
  const s = (n) => `${(n / 1000).toFixed(2)} s`;
  const rows = ['| server | encoding | typing | JS / all bytes to the sign-in form | sign-in form on screen | JS / all bytes to the first case rows | submit → rows | navigation → rows (typing excluded) |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const encoding of o.encodings)
    for (const typingMs of o.typing)
      for (const target of o.targets) {
        const mine = results.filter((r) => r.target === target.label && r.encoding === encoding && r.typingMs === typingMs);
        if (!mine.length) continue;
        const m = (pick) => median(mine.map(pick));
        rows.push(
          `| ${target.label} | ${encoding} (${[...new Set(mine.flatMap((r) => r.scriptEncodings))].join(', ')}) | ${typingMs / 1000} s | ${kB(m((r) => r.signInForm.scriptBytes))} / ${kB(m((r) => r.signInForm.allBytes))} | ${s(m((r) => r.signInForm.ms))} | ${kB(m((r) => r.caseRows.scriptBytes))} / ${kB(m((r) => r.caseRows.allBytes))} | ${s(m((r) => r.caseRows.msAfterSubmit))} | ${s(m((r) => r.caseRows.msFromNavigation))} |`,
        );
      }
  console.log(`Medians of ${o.runs} cold visits each (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, cache disabled, CPU not throttled):\n`);
  console.log(rows.join('\n'));
  if (failed.length) console.log(`\n${failed.length} visit(s) failed and are left out: ${failed.map((f) => `${f.target} ${f.encoding} run ${f.run}: ${f.error}`).join('; ')}`);
  if (o.json) {
    mkdirSync(path.dirname(path.resolve(o.json)), { recursive: true });
    writeFileSync(o.json, JSON.stringify({ profile: SLOW_4G, targets: o.targets, results, failed }, null, 2));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
