import { Client } from 'pg';

/** How far ahead the months exist: a missed day or two of the job never sends events to DEFAULT. */
export const EVENT_PARTITIONS_AHEAD_DAYS = 62;

/**
 * At start-up, as the owner: the event log's months from `now` (the injected clock's) on
 * exist, and rows that went to its DEFAULT partition move to theirs (the daily job does the
 * same, scheduler.ts). Whatever date the system runs on, events have a month to go to.
 */
export async function ensureEventPartitions(ownerUrl: string, now: Date): Promise<number> {
  const client = new Client(ownerUrl);
  await client.connect();
  try {
    const ahead = new Date(now.getTime() + EVENT_PARTITIONS_AHEAD_DAYS * 86_400_000);
    const { rows: [row] } = await client.query<{ made: number }>('select gw_case_event_maintain($1, $2) as made', [now, ahead]);
    return row.made;
  } finally {
    await client.end();
  }
}
