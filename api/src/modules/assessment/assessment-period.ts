import { BadInputError } from '../../common/errors';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The instant a Beijing calendar day starts. */
function beijingStart(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex, 1) - BEIJING_OFFSET_MS);
}

/** A period (2026-10, 2026-Q3, 2026) as [from, to) in Beijing time. */
export function periodRange(period: string): { from: Date; to: Date } {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/.exec(period);
  if (!match) throw new BadInputError('A period is 2026-10, 2026-Q3 or 2026', [{ field: 'period', message: 'bad period' }]);
  const year = Number(match[1]);
  if (match[2]) {
    const month = Number(match[2]) - 1;
    return { from: beijingStart(year, month), to: beijingStart(year, month + 1) };
  }
  if (match[3]) {
    const first = (Number(match[3]) - 1) * 3;
    return { from: beijingStart(year, first), to: beijingStart(year, first + 3) };
  }
  return { from: beijingStart(year, 0), to: beijingStart(year + 1, 0) };
}
