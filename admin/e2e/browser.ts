import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseUrl(): string {
  const url = process.env.GW_BASE_URL;
  if (!url) throw new Error('GW_BASE_URL is not set (globalSetup starts the API)');
  return url;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests that left 127.0.0.1: the console must work with no internet. */
  external: string[];
  /** Uncaught page errors and react-admin's missing-translation warnings. */
  problems: string[];
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile: no cookies, no cache, nothing from a previous test. */
export async function openBrowser(): Promise<Session> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'gridwatch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const external: string[] = [];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (/Missing translation/i.test(message.text())) problems.push(message.text());
  });
  context.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !request.url().startsWith('data:')) external.push(request.url());
  });
  return {
    context,
    page,
    external,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in through the console's own form, as a person would. */
export async function signIn(page: Page, login: string, password = 'gridwatch'): Promise<void> {
  await page.goto(`${baseUrl()}/#/login`);
  await page.locator('input[name="username"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('identity-unit').waitFor();
}

/** One test's browser, signed in as `login`, closed whatever happens. */
export async function asUser(login: string, run: (session: Session) => Promise<void>): Promise<void> {
  const session = await openBrowser();
  try {
    await signIn(session.page, login);
    await run(session);
  } finally {
    await session.close();
  }
}

/**
 * Retries an assertion until it holds (jest's expect inside), backing off from 50 ms to
 * 500 ms, and rethrows its last failure after `timeoutMs`. For what a locator cannot wait
 * for by itself: a count, a set of texts, a value that changes after a refetch.
 */
export async function eventually<T>(assertion: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** The locator's texts once there are exactly `count` of them. */
export const textsWhen = (locator: Locator, count: number): Promise<string[]> =>
  eventually(async () => {
    const texts = await locator.allTextContents();
    expect(texts).toHaveLength(count);
    return texts;
  });

/** Waits until the locator's text equals `expected` (polling: the text may change after a refetch). */
export const expectText = (locator: Locator, expected: string | RegExp): Promise<void> =>
  eventually(async () => {
    const text = (await locator.textContent({ timeout: 5_000 })) ?? '';
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });

/** Waits until the locator matches exactly `count` elements. */
export const expectCount = (locator: Locator, count: number): Promise<void> => eventually(async () => expect(await locator.count()).toBe(count));

/** Waits until an input holds `expected` (forms fill in after their record loads). */
export const expectValue = (locator: Locator, expected: string): Promise<void> => eventually(async () => expect(await locator.inputValue({ timeout: 5_000 })).toBe(expected));
