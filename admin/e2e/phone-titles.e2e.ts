import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, baseUrl, eventually, onPhone } from './browser';
import { apiAs } from './graphql';

/**
 * The page title in the app bar on a phone (390 px): a long one ends at a whole character with
 * an ellipsis and the full title is its tooltip; it never pushes the bar wider than the phone.
 * (It was cut mid-character: react-admin wraps the title in an inline-block span, which the
 * bar's ellipsis cannot shorten, so the bar clipped it through a glyph.)
 */

const PHONE = { at: { lng: 117.27, lat: 31.86 } };

interface TitleFit {
  text: string;
  tooltip: string | null;
  truncated: boolean;
  /** The title's width in characters of its font: a shortened title keeps a few whole ones, not a lone "…". */
  room: number;
  /** Text boxes that are clipped without an ellipsis of their own: what shows a glyph cut through. */
  cut: string[];
  barOverflow: number;
  pageOverflow: number;
  wide: string[];
}

/** How the title sits in the bar, read from the layout itself. */
function titleFit(page: Page): Promise<TitleFit> {
  return page.evaluate(() => {
    // The phone's width. Not innerWidth: a mobile browser widens its layout viewport to whatever
    // is too wide, so innerWidth grows with the overflow it should reveal and the screen is cut.
    const phone = document.documentElement.clientWidth;
    // The right edge of what is laid out, whatever clips it: a page may hide its overflow
    // (overflow-x: hidden on a wrapper) and still cut its bar and banners at the phone's edge.
    const unclipped = () =>
      [...document.body.querySelectorAll<HTMLElement>('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) return false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false;
        return true;
      });
    const widest = () => Math.max(0, ...unclipped().map((el) => Math.ceil(el.getBoundingClientRect().right)));
    // The innermost boxes past the edge: what pushes everything around them wider.
    const wideOnes = () => {
      const wide = unclipped().filter((el) => el.getBoundingClientRect().right > phone + 1 && !el.closest('header'));
      return wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, 5).map((el) => `${el.tagName}.${el.className} ${el.textContent?.slice(0, 30)}`.slice(0, 160));
    };
    const title = document.getElementById('react-admin-title') as HTMLElement;
    const bar = title.closest('header') as HTMLElement;
    const edge = title.getBoundingClientRect().right;
    const cut: string[] = [];
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      // The box whose lines hold this text: its first ancestor that is not a plain inline.
      let box = node.parentElement as HTMLElement;
      while (box !== title && getComputedStyle(box).display === 'inline') box = box.parentElement as HTMLElement;
      const style = getComputedStyle(box);
      const overflows = box.scrollWidth > box.clientWidth + 1 || box.getBoundingClientRect().right > edge + 1;
      // Text may overflow only a box that shortens it with an ellipsis (and clips what follows it).
      if (overflows && !(style.textOverflow === 'ellipsis' && style.overflowX !== 'visible' && box.getBoundingClientRect().right <= edge + 1)) cut.push(node.textContent);
    }
    return {
      text: title.innerText,
      tooltip: title.getAttribute('title'),
      truncated: title.scrollWidth > title.clientWidth + 1,
      room: title.clientWidth / parseFloat(getComputedStyle(title).fontSize),
      cut,
      barOverflow: bar.scrollWidth - bar.clientWidth,
      pageOverflow: Math.max(document.documentElement.scrollWidth, widest()) - phone,
      wide: wideOnes(),
    };
  });
}

async function setLanguage(page: Page, locale: 'zh' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
}

test('long titles on a phone end with an ellipsis at a whole character, the full title in the tooltip', async () => {
  const api = await apiAs('cityadmin');
  // A source with one of the longest names, and a case: their record pages carry the name in the title.
  const { sources } = await api<{ sources: { nodes: { id: string; name: string }[] } }>(`{ sources(first: 100) { nodes { id name } } }`);
  const source = [...sources.nodes].sort((a, b) => b.name.length - a.name.length)[0];
  const { cases } = await api<{ cases: { nodes: { id: string; number: string }[] } }>(`{ cases(first: 1) { nodes { id number } } }`);
  // A record page's title is the resource's name until its record has loaded, then names the record.
  const recordName: Record<string, string> = { [`/sources/${source.id}/show`]: source.name.slice(0, 2), [`/cases/${cases.nodes[0].id}/show`]: cases.nodes[0].number.slice(0, 6) };
  const routes = [`/sources/${source.id}/show`, `/cases/${cases.nodes[0].id}/show`, '/late-case-notice', '/inspection-overdue', '/sensitivePeriods/create', '/monthly-report'];
  await onPhone('cityadmin', PHONE, async ({ page, problems }) => {
    let truncated = 0;
    for (const locale of ['zh', 'en'] as const) {
      await setLanguage(page, locale);
      for (const route of routes) {
        await page.goto(`${baseUrl()}/#${route}`);
        await page.reload();
        // The title has arrived (a record page's once its record has loaded).
        const fit = await eventually(async () => {
          const f = await titleFit(page);
          expect(f.text.trim()).not.toBe('');
          if (recordName[route]) expect(f.tooltip ?? '').toContain(recordName[route]);
          return f;
        });
        const where = `${locale} ${route}: "${fit.text}"`;
        expect({ where, cut: fit.cut, barOverflow: fit.barOverflow, pageOverflow: fit.pageOverflow, wide: fit.wide }).toEqual({ where, cut: [], barOverflow: 0, pageOverflow: 0, wide: [] });
        expect({ where, room: !fit.truncated || fit.room >= 4 }).toEqual({ where, room: true });
        await eventually(async () => expect((await titleFit(page)).tooltip).toBe(fit.text));
        if (fit.truncated) truncated++;
        // The screen as the phone shows it (not the whole page): the bar is what this is about.
        await page.screenshot({ path: path.join(ARTIFACTS, `phone-title-${locale}-${route.split('/')[1]}.png`) });
      }
    }
    // The check bites: some of these titles are too long for the phone and were shortened.
    expect(truncated).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}, 180_000);

/** A field role's bar also holds the alerts, the unit, the password key, the language and the user menu. */
test('on a field phone the title keeps room for whole words beside the rest of the bar', async () => {
  await onPhone('gridworker', PHONE, async ({ page, problems }) => {
    for (const locale of ['zh', 'en'] as const) {
      await setLanguage(page, locale);
      for (const route of ['/', '/report', '/outbox', '/map']) {
        await page.goto(`${baseUrl()}/#${route}`);
        await page.reload();
        const fit = await eventually(async () => {
          const f = await titleFit(page);
          expect(f.text.trim()).not.toBe('');
          return f;
        });
        const where = `${locale} ${route}: "${fit.text}"`;
        expect({ where, cut: fit.cut, barOverflow: fit.barOverflow, pageOverflow: fit.pageOverflow, wide: fit.wide, room: !fit.truncated || fit.room >= 4 }).toEqual({ where, cut: [], barOverflow: 0, pageOverflow: 0, wide: [], room: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `phone-title-field-${locale}-${route.split('/')[1] || 'home'}.png`) });
      }
    }
    expect(problems).toEqual([]);
  });
}, 180_000);
