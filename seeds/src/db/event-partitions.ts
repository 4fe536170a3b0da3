import { seedTimeline } from '../generator/timeline';
import type { Db } from './copy';

const DAY_MS = 86_400_000;

/**
 * The event log's month partitions for the seeded span and the months after the anchor
 * (api Migration20261209030000_event_partitions), made before the COPY so no event waits in
 * the DEFAULT partition. A schema from before partitioning has no such function: nothing to do.
 */
export async function ensureEventPartitions(client: Db, anchor: string): Promise<number> {
  const { rows: [exists] } = await client.query<{ ok: boolean }>(`select to_regprocedure('gw_case_event_maintain(timestamptz, timestamptz)') is not null as ok`);
  if (!exists.ok) return 0;
  const timeline = seedTimeline(anchor);
  const { rows: [made] } = await client.query<{ n: number }>('select gw_case_event_maintain($1, $2) as n', [
    new Date(timeline.casesFromMs),
    new Date(timeline.nowMs + 62 * DAY_MS),
  ]);
  return made.n;
}
