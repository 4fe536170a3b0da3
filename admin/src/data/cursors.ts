/**
 * Keyset pagination under react-admin's numbered pages. The API pages by opaque cursors, so
 * page N is fetched `after` the end cursor of page N-1. Every end cursor seen is remembered
 * per (resource, filter, sort, page size); next and previous always hit a known cursor. A page
 * reached without its predecessor (a pasted URL with page=7) is found by walking forward from
 * the nearest known page asking for cursors only, 100 at a time: each step is a keyset query
 * that costs what page 1 costs, never an OFFSET. The console offers only previous / next.
 */
export class CursorBook {
  private readonly pages = new Map<string, (string | null)[]>();

  key(resource: string, filter: unknown, sort: unknown, perPage: number): string {
    return JSON.stringify([resource, filter ?? {}, sort ?? {}, perPage]);
  }

  /** The cursor to start page `page` after; undefined for page 1; null when not known yet. */
  startOf(key: string, page: number): string | undefined | null {
    if (page <= 1) return undefined;
    return this.pages.get(key)?.[page - 2] ?? null;
  }

  /** The last page whose end cursor is known (0 when none). */
  lastKnown(key: string): number {
    const ends = this.pages.get(key) ?? [];
    let n = 0;
    while (ends[n]) n++;
    return n;
  }

  recordEnd(key: string, page: number, endCursor: string | null): void {
    const ends = this.pages.get(key) ?? [];
    ends[page - 1] = endCursor;
    this.pages.set(key, ends);
  }

  /** Cursors are positions in one account's view: a new sign-in starts afresh. */
  clear(): void {
    this.pages.clear();
  }

  forget(resource: string): void {
    for (const key of this.pages.keys()) if (key.startsWith(JSON.stringify([resource]).slice(0, -1))) this.pages.delete(key);
  }
}

/** One book for the console (the authProvider clears it on sign-in and sign-out). */
export const cursorBook = new CursorBook();
