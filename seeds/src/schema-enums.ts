// The Postgres enum types of the api's first migration, as string-literal unions. The seeds
// package cannot import the api (the api depends on it), so the values are restated here;
// loading into a database whose enums differ fails at COPY time with the offending value.

export const GRID_LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export type GridLevel = (typeof GRID_LEVELS)[number];

export const GRID_KINDS = ['ADMINISTRATIVE', 'URBAN_MANAGEMENT'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

/** grid.boundary_source (a later migration than the first). */
export const BOUNDARY_SOURCES = ['REAL', 'APPROXIMATED', 'IMPORTED'] as const;
export type BoundarySourceName = (typeof BOUNDARY_SOURCES)[number];

/** The 17 fields of the city's departments, in the order of domain.md, then township offices. */
export const DEPARTMENT_FIELDS = [
  'DEVELOPMENT_REFORM',
  'ECONOMY_IT',
  'AGRICULTURE',
  'CONSTRUCTION',
  'PUBLIC_SECURITY',
  'FINANCE',
  'LAND',
  'TRANSPORT',
  'WATER',
  'FORESTRY_GARDENS',
  'COMMERCE',
  'PLANNING',
  'URBAN_MANAGEMENT',
  'ENVIRONMENT',
  'WORK_SAFETY',
  'MARKET_REGULATION',
  'LIVESTOCK_FISHERY',
  'TOWNSHIP_OFFICE',
] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

export type Role =
  | 'CITY_ADMIN'
  | 'CITY_INSPECTOR'
  | 'CITY_DEPARTMENT'
  | 'PLATFORM_OPERATOR'
  | 'COUNTY_ADMIN'
  | 'COUNTY_DEPARTMENT'
  | 'OFFICER'
  | 'TOWNSHIP_ADMIN'
  | 'GRID_WORKER'
  | 'API_CLIENT';

export type Employment = 'FULL_TIME' | 'PART_TIME';
export type SourceType = 'ENTERPRISE' | 'CONSTRUCTION_SITE' | 'RESTAURANT' | 'LIVESTOCK_FARM' | 'AUTO_REPAIR' | 'OTHER';
export type SupervisionLevel = 'KEY' | 'GENERAL' | 'SPECIAL';
export type SourceStatus = 'PENDING' | 'ACTIVE' | 'SUSPENDED' | 'CLOSED' | 'REJECTED';
export type CaseOrigin = 'PATROL' | 'COMPLAINT' | 'INSTRUCTION' | 'TRANSFER' | 'INSPECTION' | 'MONITORING';
export type CaseUrgency = 'NORMAL' | 'URGENT' | 'EMERGENCY';
export type CaseStatus =
  | 'EXTENSION_REQUESTED'
  | 'REPORTED'
  | 'FILED'
  | 'CANCELLED'
  | 'DISPATCHED'
  | 'IN_PROGRESS'
  | 'FED_BACK'
  | 'CLOSED'
  | 'EVALUATED'
  | 'PARKED';
/** The workflow's actions (case_action); the demo seed's recent cases run through them. */
export type CaseAction =
  | 'REPORT'
  | 'FILE'
  | 'CANCEL'
  | 'ESCALATE'
  | 'DISPATCH'
  | 'ACCEPT'
  | 'RETURN'
  | 'FEEDBACK'
  | 'REQUEST_EXTENSION'
  | 'APPROVE_EXTENSION'
  | 'REJECT_EXTENSION'
  | 'PARK'
  | 'RESUME'
  | 'VERIFY_PASS'
  | 'VERIFY_FAIL'
  | 'EVALUATE'
  | 'REOPEN';
export type SourceChangeAction = 'CREATED' | 'UPDATED' | 'DEACTIVATED';
