/**
 * The Open311 door's hand-written SQL: when each case last moved (its newest timeline event),
 * in the caller's transaction and bounded by row-level security like every read of the caller.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** The business time of each case's latest step (events carry the injected clock's time, rows do not). */
export async function lastStepTimes(em: EntityManager, caseIds: number[]): Promise<Map<number, Date>> {
  if (!caseIds.length) return new Map();
  const rows = await em.execute<{ case_id: number; at: Date }[]>(
    `select case_id, max("at") as "at" from case_event where case_id = any(?::int[]) group by case_id`,
    [`{${caseIds.join(',')}}`],
  );
  return new Map(rows.map((row) => [row.case_id, new Date(row.at)]));
}
