import { startApi, type RunningApi } from './api-process';

declare global {
  var gridwatchApi: RunningApi | undefined;
}

export default async function globalSetup(): Promise<void> {
  // GW_BASE_URL points the tests at an API that is already running (handy while developing).
  if (process.env.GW_BASE_URL) return;
  const started = Date.now();
  globalThis.gridwatchApi = await startApi();
  process.env.GW_BASE_URL = globalThis.gridwatchApi.baseUrl;
  console.log(`\nadmin e2e: API ready at ${globalThis.gridwatchApi.baseUrl} in ${Date.now() - started} ms`);
}
