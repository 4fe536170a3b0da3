import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './browser';

/**
 * The screen gallery: every screen the raw-key scan reaches, as the viewport shows it (1440×900
 * on a desktop, 390×844 on the phone), in artifacts/screens/<login>/<zh|en>/<route>.png, with an
 * index.html that puts the two languages side by side for a reviewer.
 */

export const SCREENS_DIR = path.join(ARTIFACTS, 'screens');

export interface Shot {
  /** The account's folder: its login, or `<login>-phone` for a walk on a phone. */
  folder: string;
  locale: 'zh' | 'en';
  /** The route as scanned, e.g. /cases/:id tab 2. */
  route: string;
  /** Relative to SCREENS_DIR. */
  file: string;
  ms: number;
}

/** A route as a file name: /cases/:id tab 2 → cases_id-tab-2, / → home. */
export function screenFileName(route: string): string {
  const name = route
    .replace(/^\//, '')
    .replace(/[/:]+/g, '_')
    .replace(/\s+/g, '-')
    .replace(/[^\w.-]/g, '');
  return `${name || 'home'}.png`;
}

/** Starts a fresh gallery (a screen that is gone must not linger in the index). */
export function clearScreens(): void {
  rmSync(SCREENS_DIR, { recursive: true, force: true });
}

/** The viewport in CSS pixels (a phone's 3× density would triple each side for nothing). */
export async function saveScreen(page: Page, folder: string, locale: 'zh' | 'en', route: string): Promise<Shot> {
  const file = path.join(folder, locale, screenFileName(route));
  mkdirSync(path.dirname(path.join(SCREENS_DIR, file)), { recursive: true });
  const started = Date.now();
  await page.screenshot({ path: path.join(SCREENS_DIR, file), scale: 'css', animations: 'disabled', caret: 'hide' });
  return { folder, locale, route, file, ms: Date.now() - started };
}

/** A PNG's width and height, from its header (IHDR). */
export function pngSize(file: string): { width: number; height: number } {
  const header = readFileSync(path.join(SCREENS_DIR, file)).subarray(0, 24);
  if (header.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** index.html: per account, one row per route with its zh-CN and English screenshots. */
export function writeIndex(shots: Shot[]): void {
  const folders = [...new Set(shots.map((s) => s.folder))];
  const sections = folders.map((folder) => {
    const mine = shots.filter((s) => s.folder === folder);
    const routes = [...new Set(mine.map((s) => s.route))];
    const cell = (route: string, locale: 'zh' | 'en') => {
      const shot = mine.find((s) => s.route === route && s.locale === locale);
      return shot ? `<td><a href="${escape(shot.file)}"><img loading="lazy" src="${escape(shot.file)}" alt="${escape(`${route} ${locale}`)}"></a></td>` : '<td>—</td>';
    };
    const rows = routes.map((route) => `<tr><th>${escape(route)}</th>${cell(route, 'zh')}${cell(route, 'en')}</tr>`).join('\n');
    return `<h2 id="${escape(folder)}">${escape(folder)} (${routes.length} screens)</h2>\n<table><tr><th>route</th><th>中文</th><th>English</th></tr>\n${rows}\n</table>`;
  });
  const toc = folders.map((f) => `<a href="#${escape(f)}">${escape(f)}</a>`).join(' · ');
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>gridwatch console screens</title>
<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}img{width:480px}</style>
<h1>gridwatch console: every screen the raw-key scan reached</h1>
<p>${shots.length} screenshots, written by admin/e2e/raw-keys.e2e.ts (desktop 1440×900, phone 390×844). ${toc}</p>
${sections.join('\n')}
</html>\n`;
  mkdirSync(SCREENS_DIR, { recursive: true });
  writeFileSync(path.join(SCREENS_DIR, 'index.html'), html);
}
