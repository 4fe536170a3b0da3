import { type Db, quoteIdent } from './copy';

/** Every table the seed writes, children first (the order TRUNCATE and checks use). */
export const SEEDED_TABLES = [
  'training_attendance',
  'training_session',
  'training_course',
  'session',
  'calendar_year',
  'patrol_check_in',
  'patrol_plan',
  'patrol_rule',
  'case_assignment',
  'inspection',
  'case_event',
  'case',
  'pollution_source_change',
  'pollution_source',
  'account',
  'grid_worker_grid',
  'grid_worker',
  'officer_grid',
  'officer',
  'department_category',
  'department',
  'duty_assignment',
  'case_category',
  'calendar_day',
  'grid',
] as const;

/** Tables with a serial/bigserial id whose sequence must move past the loaded ids. */
export const SEQUENCED_TABLES = SEEDED_TABLES.filter(
  (t) => !['department_category', 'officer_grid', 'grid_worker_grid', 'calendar_year'].includes(t),
);

/** Names of the seeded tables that already hold rows. */
export async function nonEmptyTables(client: Db): Promise<string[]> {
  const checks = SEEDED_TABLES.map((t) => `select '${t}' as t where exists (select 1 from ${quoteIdent(t)})`).join(' union all ');
  const result = await client.query<{ t: string }>(checks);
  return result.rows.map((r) => r.t);
}

/** Written by the database itself (the case-event chain heads, the case and KPI rollups): emptied with the seeded tables. */
const DERIVED_TABLES = ['case_event_chain', 'case_rollup', 'case_rollup_due', 'case_rollup_day', 'case_kpi_case', 'case_kpi_rollup'];

/** Empties every seeded table and restarts their sequences (the CLI's --force). */
export async function truncateSeededTables(client: Db): Promise<void> {
  await client.query(`truncate ${[...SEEDED_TABLES, ...DERIVED_TABLES].map(quoteIdent).join(', ')} restart identity cascade`);
}

/**
 * Moves each sequence past the largest id, so rows the api inserts next do not collide with
 * the explicitly numbered seed rows. The sequence is looked up, not guessed (grid_id_seq …).
 */
export async function advanceSequences(client: Db): Promise<void> {
  for (const table of SEQUENCED_TABLES) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, 'id'), (select coalesce(max(id), 0) + 1 from ${quoteIdent(table)}), false)`,
      [quoteIdent(table)],
    );
  }
}

export async function databaseSize(client: Db): Promise<{ bytes: number; pretty: string }> {
  const r = await client.query<{ bytes: string; pretty: string }>(
    'select pg_database_size(current_database())::text as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty',
  );
  return { bytes: Number(r.rows[0].bytes), pretty: r.rows[0].pretty };
}
