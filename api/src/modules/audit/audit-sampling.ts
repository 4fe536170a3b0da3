import type { FilterQuery } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import type { Grid } from '../grid/grid.entity';
import { PatrolCheckIn } from '../patrol/patrol-check-in.entity';
import { subtreeOf } from '../grid/grid.service';
import { DRAW_ALGORITHM, generator, sample, snapshotHash } from '../spot-check/random-draw';
import type { AuditPopulation } from './audit.entity';
import { AuditElementKind } from './audit.enums';

/**
 * The audit sample, reproducible like a spot-check draw (random-draw.ts): one generator
 * from the seed; for each kind in the order of `kinds`, k of that kind's population (ids
 * ascending) by partial Fisher-Yates. The snapshot hash is SHA-256 of the population JSON.
 */
export const kinds = [AuditElementKind.CASE_FILE, AuditElementKind.PATROL_RECORD] as const;
export const AUDIT_ALGORITHM = DRAW_ALGORITHM;

export interface Period {
  from: Date;
  to: Date;
}

/** Where each kind's population comes from: the audited unit's records in the period. */
type PopulationQuery = (ctx: RequestContext, unit: Grid, period: Period) => Promise<number[]>;

const populations: Record<AuditElementKind, PopulationQuery> = {
  // Case files reported in the unit during the period.
  [AuditElementKind.CASE_FILE]: async (ctx, unit, period) => {
    const where: FilterQuery<Case> = { $and: [subtreeOf<Case>(unit, 'gridId'), { reportedAt: { $gte: period.from, $lt: period.to } }] };
    return (await ctx.em.find(Case, where, { fields: ['id'], orderBy: { id: 'asc' } })).map((c) => c.id);
  },
  // Patrol records: the check-ins in the unit's subtree during the period.
  [AuditElementKind.PATROL_RECORD]: async (ctx, unit, period) => {
    const where: FilterQuery<PatrolCheckIn> = { $and: [subtreeOf<PatrolCheckIn>(unit, 'gridId'), { at: { $gte: period.from, $lt: period.to } }] };
    return (await ctx.em.find(PatrolCheckIn, where, { fields: ['id'], orderBy: { id: 'asc' } })).map((c) => c.id);
  },
};

export async function auditPopulation(ctx: RequestContext, unit: Grid, period: Period): Promise<AuditPopulation> {
  const result = {} as AuditPopulation;
  for (const kind of kinds) result[kind] = await populations[kind](ctx, unit, period);
  return result;
}

export function drawAudit(seed: number, population: AuditPopulation, sizes: Record<AuditElementKind, number>): [AuditElementKind, number][] {
  const rng = generator(seed);
  return kinds.flatMap((kind) => sample(rng, population[kind], sizes[kind]).map((id): [AuditElementKind, number] => [kind, id]));
}

export const populationHash = (population: AuditPopulation): string => snapshotHash(population);
