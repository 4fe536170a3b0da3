import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../common/errors';
import { PatrolCheckIn } from './patrol-check-in.entity';

/** A phone's clock may run a little fast; a check-in kept offline for more than a week is not a patrol of this plan. */
const AHEAD_MS = 5 * 60_000;
const BEHIND_MS = 7 * 86_400_000;

/** The time a check-in happened: the phone's, when it says and is believable; else the server's. */
export function observedTime(observedAt: Date | undefined, receivedAt: Date): Date {
  if (!observedAt) return receivedAt;
  const lead = observedAt.getTime() - receivedAt.getTime();
  if (lead > AHEAD_MS) throw new BadInputError('observedAt is in the future', [{ field: 'observedAt', message: 'later than the server time' }]);
  if (-lead > BEHIND_MS) throw new BadInputError('observedAt is more than 7 days ago', [{ field: 'observedAt', message: 'older than 7 days' }]);
  return observedAt;
}

/**
 * The check-in an earlier request made with this key. A transaction-scoped advisory lock on the
 * key serialises concurrent resends (as for case reports).
 */
export async function earlierCheckIn(em: EntityManager, recorderId: number | null, key: string): Promise<PatrolCheckIn | null> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`patrol-check-in:${recorderId ?? ''}:${key}`]);
  return em.findOne(PatrolCheckIn, { recordedById: recorderId, idempotencyKey: key });
}

/** A resend says the same: grid, place, notes and the phone's time (when it sends one). */
export function sameCheckIn(earlier: PatrolCheckIn, next: PatrolCheckIn, timed: boolean): boolean {
  return (
    earlier.gridId === next.gridId &&
    earlier.lng === next.lng &&
    earlier.lat === next.lat &&
    (earlier.notes ?? null) === (next.notes ?? null) &&
    (!timed || earlier.at.getTime() === next.at.getTime())
  );
}
