import type { RequestContext } from '../../context/request-context';
import type { PatrolMonth } from './patrol-month';

/**
 * The patrol frequency factor per grid for a month: sensitive periods (重大活动, 敏感时期)
 * raise it for chosen units. Until the sensitive-period archive exists every factor is 1;
 * this is the one place the patrol plan asks, so the plan follows periods once they land.
 */
export async function patrolFactors(_ctx: RequestContext, _month: PatrolMonth, gridIds: readonly number[]): Promise<Map<number, number>> {
  return new Map(gridIds.map((id) => [id, 1]));
}
