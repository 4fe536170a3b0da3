/**
 * The console's clock: the server's business clock, not the machine's. Every sign-in and
 * page load hands over the server's time (`me.serverTime`); "today" and "this month" are the
 * server's, so a console on a PC with a wrong date (or a demo whose API starts at a given
 * day) shows the same months and deadlines as the API counts.
 */
let offsetMs = 0;

export function syncServerTime(serverTime: string | null | undefined): void {
  const at = serverTime ? Date.parse(serverTime) : Number.NaN;
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

/** The difference kept with the account for offline starts (src/field/snapshot.ts). */
export function serverOffsetMs(): number {
  return offsetMs;
}

export function restoreServerOffset(ms: number): void {
  offsetMs = ms;
}

/** Now, by the server's clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

const SHANGHAI_MS = 8 * 3_600_000; // UTC+8 all year (no daylight saving)

/** Today in Asia/Shanghai, as YYYY-MM-DD. */
export function shanghaiToday(at: Date = now()): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** This month in Asia/Shanghai, as YYYY-MM. */
export function shanghaiMonth(at: Date = now()): string {
  return shanghaiToday(at).slice(0, 7);
}
