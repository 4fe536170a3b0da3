import { gql } from '@apollo/client';

export interface CalendarWarning {
  year: number;
  message: string;
}

export const CALENDAR_STATUS = gql`query CalendarStatus { calendarWarnings { year message } calendarYears { year source loadedAt } }`;

export const LOAD_SCHEDULE = gql`mutation LoadCalendarSchedule($input: LoadCalendarScheduleInput!) {
  loadCalendarSchedule(input: $input) {
    year dryRun holidays workingDays added changed removed recomputed
    moves { case { id number } previousDueAt dueAt provisional }
  }
}`;

export interface ScheduleLoad {
  year: number;
  dryRun: boolean;
  holidays: number;
  workingDays: number;
  added: number;
  changed: number;
  removed: number;
  recomputed: number;
  moves: { case: { id: string; number: string }; previousDueAt: string | null; dueAt: string; provisional: boolean }[];
}

/** Dispatched on window after a schedule is loaded, so the banner asks again. */
export const CALENDAR_CHANGED = 'gw:calendar-changed';

export interface TimeLimitSetting {
  step: string;
  origin: string | null;
  categoryId: string | null;
  urgency: string | null;
  complexity: string | null;
  level: string | null;
  amount: number;
  unit: string;
  source: string;
}

export const FILING_LIMITS = gql`query TimeLimits { timeLimits { step origin categoryId urgency complexity level amount unit source } }`;

export const SET_TIME_LIMIT = gql`mutation SetTimeLimit($input: SetTimeLimitInput!) { setTimeLimit(input: $input) { id step level amount unit } }`;
