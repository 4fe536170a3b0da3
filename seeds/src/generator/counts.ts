import { calendarDays } from '../reference/calendar';
import { HEFEI_GRID_COUNTS } from '../annex1/plan';
import { CITY_OFFICERS, COUNTY_OFFICERS } from './people';
import { PROFILES, type ProfileName } from './profiles';

/** Rows per seeded table (session stays empty), with the pinned anchor (timeline.ts REFERENCE_ANCHOR). */
export interface TableCounts {
  grid: number;
  case_category: number;
  duty_assignment: number;
  calendar_day: number;
  calendar_year: number;
  department: number;
  department_category: number;
  officer: number;
  officer_grid: number;
  grid_worker: number;
  grid_worker_grid: number;
  account: number;
  pollution_source: number;
  pollution_source_change: number;
  case: number;
  case_event: number;
  patrol_rule: number;
  patrol_plan: number;
  patrol_check_in: number;
  case_assignment: number;
  inspection: number;
  training_course: number;
  training_session: number;
  training_attendance: number;
}

const G = HEFEI_GRID_COUNTS;

/** People of one Hefei-shaped city, broken down as the generator builds them. */
export const PEOPLE_PER_CITY = {
  /** 4 city + 3 × 13 level-2 units + 1 × 87 administrative townships. */
  officers: CITY_OFFICERS + COUNTY_OFFICERS * G.county + G.adminTownship,
  /** One per urban grid (213), per village (1335) and per administrative township (87). */
  gridWorkers: G.urbanTownship + G.village + G.adminTownship,
  /** City officers on the city grid, each level-3 grid on one county officer, township officers on theirs. */
  officerGrids: CITY_OFFICERS + G.urbanTownship + G.adminTownship + G.adminTownship,
} as const;

/** Exact rows of one Hefei-shaped city's reference tables. */
export const PER_CITY_COUNTS = {
  grid: 1649,
  /** 17 city departments + 17 × 13 county counterparts + 87 township offices. */
  department: 325,
  department_category: 1040,
  officer: 130,
  officer_grid: 391,
  grid_worker: 1635,
  grid_worker_grid: 1635,
  /** One patrol plan per grid worker and grid for the anchor's month and the month before. */
  patrol_plan: 2 * 1635,
  /**
   * Check-ins of both months (patrols.ts: patrolsDone, the same in every city) at the pinned
   * anchor: 4,805 in its month so far (27 of 30 days), 6,085 in the whole month before. Other
   * anchors give other counts: the days of the month seeded move with the anchor.
   */
  patrol_check_in: 4805 + 6085,
} as const;

export const CASE_CATEGORY_COUNT = 19;
/**
 * Lines of the legal-duty matrix (data/duty-matrix.csv): per category one lead at each of the
 * three levels (57) and 40 partners at city and at county level.
 */
export const DUTY_ASSIGNMENT_COUNT = 3 * CASE_CATEGORY_COUNT + 2 * 40;
/**
 * The demo profile's life-cycle steps and dispatches with the default seed (case-lifecycles.ts):
 * what the generator yields, pinned so a change to the life cycles shows in review.
 */
export const HEFEI_LIFECYCLE_STEPS = 552;
export const HEFEI_LIFECYCLE_ASSIGNMENTS = 99;
export const DEMO_ACCOUNT_COUNT = 11;
/** The demo's training records (training.ts): 4 courses, 5 sessions and who attended, at any anchor. */
export const HEFEI_TRAINING = { training_course: 4, training_session: 5, training_attendance: 171 } as const;
/** The accounts of the grid workers who report and verify in the hefei life cycles (default seed). */
export const HEFEI_WORKER_ACCOUNTS = 96;
/** Holidays and 调休 working days of the pinned chinese-days release (it grows with new years). */
export const CALENDAR_DAY_COUNT = calendarDays().length;
/** The years those days cover (each counts as a loaded schedule). */
export const CALENDAR_YEAR_COUNT = new Set(calendarDays().map((d) => d.day.slice(0, 4))).size;

/** The profiles built from Annex 1 copies, whose counts follow from the plan (the nation's from the division table). */
export type AnnexProfileName = Exclude<ProfileName, 'nation'>;

function countsFor(profile: AnnexProfileName): TableCounts {
  const { cities, sources, cases, inspections } = PROFILES[profile];
  return {
    grid: PER_CITY_COUNTS.grid * cities,
    case_category: CASE_CATEGORY_COUNT,
    duty_assignment: DUTY_ASSIGNMENT_COUNT,
    calendar_day: CALENDAR_DAY_COUNT,
    calendar_year: CALENDAR_YEAR_COUNT,
    department: PER_CITY_COUNTS.department * cities,
    department_category: PER_CITY_COUNTS.department_category * cities,
    officer: PER_CITY_COUNTS.officer * cities,
    officer_grid: PER_CITY_COUNTS.officer_grid * cities,
    grid_worker: PER_CITY_COUNTS.grid_worker * cities,
    grid_worker_grid: PER_CITY_COUNTS.grid_worker_grid * cities,
    account: DEMO_ACCOUNT_COUNT + (PROFILES[profile].lifecycles ? HEFEI_WORKER_ACCOUNTS : 0),
    pollution_source: sources,
    pollution_source_change: sources,
    case: cases,
    case_event: cases + (PROFILES[profile].lifecycles ? HEFEI_LIFECYCLE_STEPS : 0),
    case_assignment: PROFILES[profile].lifecycles ? HEFEI_LIFECYCLE_ASSIGNMENTS : 0,
    patrol_rule: 3,
    patrol_plan: PER_CITY_COUNTS.patrol_plan * cities,
    patrol_check_in: PER_CITY_COUNTS.patrol_check_in * cities,
    inspection: inspections ?? 0,
    training_course: PROFILES[profile].lifecycles ? HEFEI_TRAINING.training_course : 0,
    training_session: PROFILES[profile].lifecycles ? HEFEI_TRAINING.training_session : 0,
    training_attendance: PROFILES[profile].lifecycles ? HEFEI_TRAINING.training_attendance : 0,
  };
}

/** hefei: 1,649 grids, 130 officers, 1,635 grid workers, 11 demo + 96 grid-worker accounts, 600 sources, 400 cases, 1,500 inspections. */
export const HEFEI_COUNTS: Readonly<TableCounts> = countsFor('hefei');
/** city: the same people and grid, 100,000 sources, 1,000,000 cases and events. */
export const CITY_COUNTS: Readonly<TableCounts> = countsFor('city');
/** province: 16 cities (26,384 grids), 500,000 sources, 5,000,000 cases and events. */
export const PROVINCE_COUNTS: Readonly<TableCounts> = countsFor('province');

export const PROFILE_COUNTS: Readonly<Record<AnnexProfileName, Readonly<TableCounts>>> = {
  hefei: HEFEI_COUNTS,
  city: CITY_COUNTS,
  province: PROVINCE_COUNTS,
};
