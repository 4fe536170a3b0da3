/** How a time limit is counted: working days on the Chinese calendar, calendar hours, or the rest of the day. */
export enum LimitUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  HOURS = 'HOURS',
  SAME_DAY = 'SAME_DAY',
}
