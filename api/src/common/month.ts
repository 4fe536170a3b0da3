import { BadInputError } from './errors';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** A calendar month in Beijing time (China has no daylight saving, so a fixed offset is exact). */
export interface PatrolMonth {
  /** 'YYYY-MM', as the API speaks it. */
  label: string;
  /** 'YYYY-MM-01', as patrol_plan.month stores it. */
  firstDay: string;
  start: Date;
  end: Date;
}

export function parseMonth(label: string, field = 'month'): PatrolMonth {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (!match) throw new BadInputError('A month is written YYYY-MM', [{ field, message: 'must be YYYY-MM' }]);
  const [year, month] = [Number(match[1]), Number(match[2])];
  return {
    label,
    firstDay: `${label}-01`,
    start: new Date(Date.UTC(year, month - 1, 1) - BEIJING_OFFSET_MS),
    end: new Date(Date.UTC(year, month, 1) - BEIJING_OFFSET_MS),
  };
}

/** The Beijing month an instant falls in. */
export function monthOf(at: Date): PatrolMonth {
  return parseMonth(new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7));
}

/** How much of the month has passed at `now` (0 before it, 1 after it). */
export function elapsedShare(month: PatrolMonth, now: Date): number {
  const share = (now.getTime() - month.start.getTime()) / (month.end.getTime() - month.start.getTime());
  return Math.min(1, Math.max(0, share));
}

/** Patrols expected by `now`: the plan pro rata to the elapsed month, rounded down (the whole plan once the month is over). */
export function expectedByNow(required: number, month: PatrolMonth, now: Date): number {
  return Math.floor(required * elapsedShare(month, now));
}
