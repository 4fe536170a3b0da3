import type { Db } from './copy';

/**
 * The api's case rollups (Migration20261208030000_case_rollups) and KPI rollups
 * (Migration20261210030000_case_kpi_rollup): triggers on "case" and on case_event keep them,
 * which COPY would fire once per row (and the scale profiles skip triggers altogether). The
 * load turns the triggers off; the case rollups are copied as the generator counted them from
 * the cases it generated (generator/rollups.ts), the KPI rollups are recomputed once from the
 * loaded events (gw_case_kpi_rebuild); then the triggers are on again. A database migrated
 * before either existed lacks its trigger: that step does nothing.
 */
const TRIGGERS: { table: string; trigger: string; since: string }[] = [
  { table: '"case"', trigger: 'case_rollup_insert_delete', since: 'gw_case_rollup_rebuild()' },
  { table: 'case_event', trigger: 'case_kpi_change', since: 'gw_case_kpi_rebuild()' },
];

async function present(client: Db, fn: string): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>(`select to_regprocedure($1) is not null as present`, [fn]);
  return rows[0].present;
}

export async function suspendRollups(client: Db): Promise<boolean> {
  let any = false;
  for (const { table, trigger, since } of TRIGGERS) {
    if (!(await present(client, since))) continue;
    await client.query(`alter table ${table} disable trigger ${trigger}`);
    any = true;
  }
  return any;
}

/** `kpiCopied`: the KPI rollups were copied as the generator counted them (cases only reported), not rebuilt. */
export async function resumeRollups(client: Db, options: { kpiCopied: boolean }): Promise<void> {
  for (const { table, trigger, since } of TRIGGERS) {
    if (await present(client, since)) await client.query(`alter table ${table} enable trigger ${trigger}`);
  }
  if (!options.kpiCopied && (await present(client, 'gw_case_kpi_rebuild()'))) await client.query('select gw_case_kpi_rebuild()');
}
