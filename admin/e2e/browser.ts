import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Download, type Locator, type Page } from 'playwright-core';

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

/** One Chromium for the whole run (globalSetup); the tests connect to it over its endpoint. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

let connection: Promise<Browser> | null = null;

/** This test file's connection to the run's Chromium (a browser of its own when run without globalSetup's). */
function browser(): Promise<Browser> {
  const endpoint = process.env.GW_BROWSER_WS;
  connection ??= endpoint ? chromium.connect(endpoint) : chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return connection;
}

/** Closes this file's connection (jest setup: after each test file). */
export async function disconnectBrowser(): Promise<void> {
  const open = connection;
  connection = null;
  if (open) await (await open).close();
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

/** A phone held upright (390×844, a common size), with touch, and where it stands. */
export interface PhoneOptions {
  at: { lng: number; lat: number };
}

function phoneContext(phone: PhoneOptions) {
  return {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    geolocation: { longitude: phone.at.lng, latitude: phone.at.lat, accuracy: 8 },
    permissions: ['geolocation'],
  };
}

/** A fresh browser context: no cookies, no storage, no cache, nothing from a previous test. */
export async function openBrowser(phone?: PhoneOptions): Promise<Session> {
  const context = await (await browser()).newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(phone ? phoneContext(phone) : {}),
  });
  const page = await context.newPage();
  const external: string[] = [];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (/Missing translation/i.test(message.text())) problems.push(message.text());
  });
  context.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !/^(data|blob):/.test(request.url())) external.push(request.url());
  });
  return {
    context,
    page,
    external,
    problems,
    close: () => context.close(),
  };
}

/** A download's bytes (the browser is remote: no local path, a stream instead). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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

/** One test's phone, signed in as `login`, closed whatever happens. */
export async function onPhone(login: string, phone: PhoneOptions, run: (session: Session) => Promise<void>): Promise<void> {
  const session = await openBrowser(phone);
  try {
    await signIn(session.page, login);
    await run(session);
  } finally {
    await session.close();
  }
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
