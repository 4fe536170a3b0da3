/** How a time limit is counted: working days on the Chinese calendar, calendar hours, or the rest of the day. */
export enum LimitUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  HOURS = 'HOURS',
  SAME_DAY = 'SAME_DAY',
}

/** 案情: how complex a dispatched case is (its handling limit grows with it). */
export enum CaseComplexity {
  NORMAL = 'NORMAL',
  COMPLEX = 'COMPLEX',
  SPECIAL = 'SPECIAL',
}
export type CaseComplexityName = `${CaseComplexity}`;
