/**
 * The time source of a request or job. Business time (deadlines, "today", what is overdue) is
 * read only from here: production runs on the system clock, a demo or browser test can start
 * the clock at a given instant, and tests substitute a fake one to run a month in milliseconds.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at.getTime());
  }
  set(at: Date): void {
    this.at = at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

/**
 * A clock that starts at a given instant and runs on at the real pace (GRIDWATCH_CLOCK_START):
 * the browser tests pin the API to the day their seed was laid out for. Elapsed time comes from
 * the monotonic timer, so a shifted wall clock does not move it.
 */
export class StartedClock implements Clock {
  private readonly startedAt = performance.now();
  constructor(private readonly start: Date) {}
  now(): Date {
    return new Date(this.start.getTime() + Math.round(performance.now() - this.startedAt));
  }
}
