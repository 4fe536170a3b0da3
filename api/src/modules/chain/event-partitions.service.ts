import type { RequestContext } from '../../context/request-context';
import { EVENT_PARTITIONS_AHEAD_DAYS } from '../../db/event-partitions';
import { maintainEventPartitions } from './event-partitions.sql';


export const eventPartitions = {
  /** This month (by the injected clock) and the next two exist, and no event waits in DEFAULT. */
  maintain(ctx: RequestContext): Promise<number> {
    const now = ctx.clock.now();
    return maintainEventPartitions(ctx.em, now, new Date(now.getTime() + EVENT_PARTITIONS_AHEAD_DAYS * 86_400_000));
  },
};
