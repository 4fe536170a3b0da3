export default async function globalTeardown(): Promise<void> {
  await globalThis.gridwatchBrowser?.close();
  await globalThis.gridwatchApi?.stop();
}
