/**
 * Where each table would live on a Citus cluster (docs/scaling.md), next to the row-level
 * security manifest it extends (tenant-tables.ts):
 *
 * - **distributed** by `county_key` (every tenant table not named below): the rows that grow with
 *   the cases. Their primary and unique keys include the key, and a foreign key between two of
 *   them carries it, so a county's rows and their joins stay on one shard.
 * - **reference** (copied to every node): the code lists and every other shared table not kept on
 *   the coordinator, and the tenant tables below, which rows of every county point at.
 * - **coordinator** (a Citus local table): state of the server itself, read by no join.
 *
 * The catalogue check (distribution-audit.ts, run by db/__tests__/distribution.e2e.spec.ts on
 * the migrated database) holds the schema to it.
 */
import { SHARED_TABLES, TENANT_TABLES } from './tenant-tables';

export const DISTRIBUTION_COLUMN = 'county_key';

export type Placement = 'distributed' | 'reference' | 'coordinator';

/** Tenant tables replicated instead of distributed, each with why. */
export const REFERENCE_TENANT_TABLES: Readonly<Record<string, string>> = {
  grid: 'the unit tree: every row names its units, and a city or county unit spans many shards',
  grid_history: 'changes of the unit tree, beside it',
  account: 'staff act on rows of every county they may reach (reported_by, recorded_by, actor)',
  api_key: 'looked up by prefix before any unit is known, beside the accounts',
  officer: 'law-enforcement staff of the city and counties, named by inspections and tasks anywhere in their reach',
  officer_grid: 'which grids an officer covers, beside the officers',
  grid_worker: 'the staff directory of grid workers, named by plans, check-ins and tasks',
  grid_worker_grid: 'which grids a grid worker covers, beside the grid workers',
  department: 'city and county departments handle cases of every county below them',
  department_category: 'which categories a department handles (a code list per department)',
  assessment: 'KPI results, one row per unit and period: small, read across units',
  enforcement_plan: 'a city plan issues tasks in every county (work_task.plan_id)',
  sensitive_period: 'periods declared by a city or county, read by every case below it',
  spot_check_campaign: 'a city campaign draws items in every county (spot_check_item.campaign_id)',
  spot_check_draw: 'the draws of a campaign, beside it',
  spot_check_publication: 'a published draw, beside its campaign',
  training_course: 'a city course trains staff of every county',
  training_session: 'sessions of a course, beside it',
  training_attendance: 'attendees come from other counties than the session (39 of 171 in the Hefei seed)',
  webhook_endpoint: 'an endpoint of a city receives the messages of every county below it',
  case_event_archive_run: 'a few rows per chain and archived month, beside the archived months (case_event_archive, a reference table too)',
};

/** Shared tables kept on the coordinator alone, each with why (the other shared tables are reference tables). */
export const COORDINATOR_TABLES: Readonly<Record<string, string>> = {
  mikro_orm_migrations: 'the migration log of the coordinator',
  session: 'written on every sign-in and request: one node, looked up by token digest',
  rate_limit: 'written on every request: one node',
  server_secret: 'secrets of the server itself',
  case_event_chain: 'the chain heads, serialised per chain by the event trigger (docs/scaling.md: the chain on Citus)',
};

/** The placement a table is declared with, or undefined for a table in neither manifest. */
export function placementOf(table: string): Placement | undefined {
  if (COORDINATOR_TABLES[table]) return 'coordinator';
  if (REFERENCE_TENANT_TABLES[table] || SHARED_TABLES[table]) return 'reference';
  if (TENANT_TABLES[table]) return 'distributed';
  return undefined;
}

/** Every declared table by placement, for the Citus script in docs/scaling.md. */
export function tablesPlaced(placement: Placement): string[] {
  return [...Object.keys(TENANT_TABLES), ...Object.keys(SHARED_TABLES)].filter((t) => placementOf(t) === placement).sort();
}
