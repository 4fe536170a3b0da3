/**
 * The row-level security manifest: every table of the schema, either a tenant table with how its
 * rows are tied to the territory, or a shared table with why it is not one. The catalogue check
 * (rls-audit.ts, run by db/__tests__/rls-manifest.e2e.spec.ts) holds the database to it: a new
 * table that is in neither list, or a tenant table whose policies are missing or not forced, fails.
 */

/** How a tenant table's rows are scoped, as its policies say it. */
export type TenantScope =
  /** One equality policy per level role (levelPoliciesSql); `anchor` ties a row to a village-level unit. */
  | { by: 'levels'; anchor: string }
  /** Visible through parent rows (an `exists` over each parent, whose own policies decide). */
  | { by: 'parent'; parents: readonly string[] }
  /** Readable by every signed-in request; written only where a policy allows. */
  | { by: 'public'; why: string };

const levels = (anchor: string): TenantScope => ({ by: 'levels', anchor });
const parent = (...parents: string[]): TenantScope => ({ by: 'parent', parents });

export const TENANT_TABLES: Readonly<Record<string, TenantScope>> = {
  account: levels('unit_id'),
  alert_read: parent('case_alert'),
  api_key: levels('unit_id'),
  assessment: levels('unit_id'),
  audit: levels('audited_unit_id'),
  audit_recommendation: levels('audited_unit_id'),
  audit_sample: parent('audit'),
  case: levels('grid_id'),
  case_alert: parent('case', 'work_task', 'audit_recommendation'),
  case_assignment: parent('case'),
  // Partitioned by month: its partitions are covered by this entry when sealed off (rls-audit.ts partitionGaps).
  case_event: levels('grid_id'),
  // Per chain, the seq range and boundary hashes of an archived month: read where the county's checkpoints are (the API verifier links to them).
  case_event_archive_run: levels('grid_id'),
  case_evidence: parent('case'),
  // Counts per unit of a case's path (the dashboard's rollups): a row is read in the territory of its unit.
  case_rollup: levels('grid_id'),
  case_rollup_day: levels('grid_id'),
  case_rollup_due: levels('grid_id'),
  // The KPI engine's case measures per case and per unit of its path (Migration20261210030000_case_kpi_rollup).
  case_kpi_case: levels('grid_id'),
  case_kpi_rollup: levels('grid_id'),
  chain_checkpoint: levels('grid_id'),
  department: levels('unit_id'),
  department_category: parent('department'),
  discharge_outlet: levels('grid_id'),
  enforcement_plan: levels('unit_id'),
  grid: levels('id'),
  grid_history: parent('grid'),
  grid_worker: levels('employer_unit_id'),
  grid_worker_grid: parent('grid_worker'),
  inspection: levels('grid_id'),
  inspection_photo: parent('inspection'),
  officer: levels('employer_unit_id'),
  officer_grid: parent('officer'),
  owner_alert: levels('unit_id'),
  patrol_check_in: levels('grid_id'),
  patrol_plan: levels('grid_id'),
  pollution_source: levels('grid_id'),
  pollution_source_change: parent('pollution_source'),
  sensitive_period: levels('unit_id'),
  spot_check_campaign: levels('unit_id'),
  spot_check_draw: parent('spot_check_campaign'),
  spot_check_item: levels('grid_id'),
  spot_check_publication: { by: 'public', why: 'a published draw (抽查结果公示) is public by law; only its campaign unit writes it' },
  training_attendance: levels('attendee_unit_id'),
  training_course: levels('unit_id'),
  training_session: levels('unit_id'),
  webhook_delivery: levels('unit_id'),
  webhook_endpoint: levels('unit_id'),
  webhook_message: levels('grid_id'),
  work_task: levels('grid_id'),
};

/** Tables outside row-level security, each with the reason. */
export const SHARED_TABLES: Readonly<Record<string, string>> = {
  assessment_indicator: 'the city-wide KPI definitions (a code list every unit is assessed by)',
  calendar_day: 'the working calendar (法定节假日, 调休), the same for every unit',
  calendar_year: 'which years of the working calendar are published',
  case_category: 'the case categories (a code list)',
  case_event_archive: 'the months of the event log detached and archived (pnpm events:archive): operator metadata; tenant roles read only which months and whether restored (column grant), not the files',
  case_event_chain: 'the hash chain heads per county: written by a trigger, read by the verifier only',
  chain_signing_key: 'public keys of the chain checkpoints (published)',
  disclosure_setting: 'the city-wide disclosure switch (信息公开)',
  duty_assignment: 'the statutory duty matrix (法定职责), one for the city',
  inspection_frequency: 'inspection frequencies per supervision level (a code list)',
  mikro_orm_migrations: 'the migration log',
  patrol_rule: 'patrol frequencies per grid kind (a code list)',
  rate_limit: 'request budgets keyed by address and account: read before any unit is known',
  server_secret: 'secrets of the server itself: no tenant role may read it',
  session: 'looked up by the sign-in before any unit is known, by token digest only',
  time_limit: 'time limits per step and level (a code list)',
};
