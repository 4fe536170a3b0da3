import type { BrowserServer } from 'playwright-core';
import { startApi, type RunningApi } from './api-process';
import { launchBrowserServer } from './browser';

declare global {
  var gridwatchApi: RunningApi | undefined;
  var gridwatchBrowser: BrowserServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  // One Chromium for the run; each test gets a fresh context of it (about 1 s saved per test).
  const [browser, api] = await Promise.all([
    launchBrowserServer(),
    // GW_BASE_URL points the tests at an API that is already running (handy while developing).
    process.env.GW_BASE_URL ? Promise.resolve(undefined) : startApi(),
  ]);
  globalThis.gridwatchBrowser = browser;
  process.env.GW_BROWSER_WS = browser.wsEndpoint();
  if (!api) return;
  globalThis.gridwatchApi = api;
  process.env.GW_BASE_URL = api.baseUrl;
  process.env.GW_DATABASE_URL = api.databaseUrl;
  console.log(`\nadmin e2e: API and Chromium ready at ${api.baseUrl} in ${Date.now() - started} ms`);
}
