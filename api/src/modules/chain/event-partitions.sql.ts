import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The event log's month partitions from `from`'s month to `to`'s, and one for every month
 * with rows waiting in the DEFAULT partition (gw_case_event_maintain, the owner's only: the
 * scheduler and start-up). Returns how many were made.
 */
export async function maintainEventPartitions(em: EntityManager, from: Date, to: Date): Promise<number> {
  const [row] = await em.execute<{ made: number }[]>('select gw_case_event_maintain(?, ?) as made', [from, to]);
  return row.made;
}
