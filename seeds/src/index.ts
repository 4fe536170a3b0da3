// Public API of @gridwatch/seeds: reference data, the data generator and its loader.
export { firstBrokenLink } from './db/event-chain';
export { loadProfile, type LoadOptions, type LoadPhase, type LoadProgress, type LoadResult } from './db/load-profile';
export {
  SEEDED_TABLES,
  advanceSequences,
  databaseSize,
  nonEmptyTables,
  truncateSeededTables,
} from './db/database-state';
// The code rules (credit codes, source codes), enums and the workflow are @gridwatch/domain's.
export { CreditCodeGenerator, type CreditCodeKind } from './credit-code';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './generator/accounts';
export { PASSWORD_HASH_OPTIONS, demoPasswordHash } from './generator/demo-password';
export { DEFAULT_SEED, PROFILES, PROFILE_NAMES, type ProfileName, type ProfileSpec, isProfileName } from './generator/profiles';
export {
  CASE_CATEGORY_COUNT,
  DUTY_ASSIGNMENT_COUNT,
  CITY_COUNTS,
  DEMO_ACCOUNT_COUNT,
  HEFEI_COUNTS,
  PEOPLE_PER_CITY,
  PER_CITY_COUNTS,
  PROFILE_COUNTS,
  PROVINCE_COUNTS,
  type TableCounts,
} from './generator/counts';
export { HEFEI_BBOX } from './generator/geo';
export { buildDataset } from './generator/dataset';
export { REFERENCE_ANCHOR, type SeedTimeline, assertDay, beijingDate, seedTimeline } from './generator/timeline';
export { ANNEX1_COLUMNS, ANNEX1_FILE, type Annex1Row, annex1ToCsv, loadAnnex1, parseAnnex1 } from './annex1/annex1-row';
export { buildAnnex1 } from './annex1/build-annex1';
export { DIVISIONS_FILE, type Division, loadDivisions, parseDivisions } from './annex1/divisions';
export { HECHAO_CODE, HEFEI_GRID_COUNTS } from './annex1/plan';
export { type CaseCategory, loadCaseCategories } from './reference/case-categories';
export { DUTY_LEVELS, DUTY_MATRIX_FILE, type DutyRecord, loadDutyMatrix } from './reference/duty-matrix';
export { CALENDAR_SOURCE, type CalendarDayRecord, calendarDays } from './reference/calendar';
export { CITY_DEPARTMENTS } from './reference/departments';
export { DATA_DIR, dataFile } from './data-dir';
