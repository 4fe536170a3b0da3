import type { Db } from './copy';

/**
 * The api's case rollups (Migration20261208030000_case_rollups): a trigger on "case" keeps
 * them, which COPY would fire once per row (and the scale profiles skip triggers altogether).
 * The load turns the trigger off, copies the rollups the generator counted from the cases it
 * generated (generator/rollups.ts) and turns it on again. A database migrated before the
 * rollups existed has neither: nothing to do.
 */
const TRIGGER = 'case_rollup_insert_delete';

async function hasRollups(client: Db): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>(`select to_regprocedure('gw_case_rollup_rebuild()') is not null as present`);
  return rows[0].present;
}

export async function suspendRollups(client: Db): Promise<boolean> {
  if (!(await hasRollups(client))) return false;
  await client.query(`alter table "case" disable trigger ${TRIGGER}`);
  return true;
}

export async function resumeRollups(client: Db): Promise<void> {
  await client.query(`alter table "case" enable trigger ${TRIGGER}`);
}
