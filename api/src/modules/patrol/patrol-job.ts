import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { GridLevel } from '../../common/enums';
import { generatePlans, type GenerationResult } from './patrol.service';
import { monthOf } from '../../common/month';

/**
 * The scheduler's run (00:05 Beijing): this month's patrol plans for every city, generated
 * as a township admin would, so a month never starts without plans. Idempotent.
 */
export async function generateAllPatrolPlans(ctx: RequestContext): Promise<GenerationResult> {
  const month = monthOf(ctx.clock.now());
  const total: GenerationResult = { month: month.label, plans: 0, created: 0, updated: 0 };
  for (const city of await ctx.em.find(Grid, { level: GridLevel.CITY, active: true }, { orderBy: { id: 'asc' } })) {
    const result = await generatePlans(ctx, month, city);
    total.plans += result.plans;
    total.created += result.created;
    total.updated += result.updated;
  }
  return total;
}
