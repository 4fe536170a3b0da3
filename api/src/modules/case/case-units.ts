import { SCOPE_FILTER } from '../../auth/scope-filter';
import type { GridLevel } from '../../common/enums';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import type { Case } from './case.entity';

/**
 * The grid's structure (parents, which units run a platform) decides who handles a case,
 * whatever the caller may read: a grid worker's report goes to a county it cannot see.
 * Only ids and flags leave this module, never the unit record itself.
 */
async function unit(ctx: RequestContext, id: number): Promise<Grid> {
  return ctx.em.findOneOrFail(Grid, { id }, { filters: { [SCOPE_FILTER]: false } });
}

/** Moves the case to a handling unit: its dispatcher, the approver above it, its platform flag. */
function handTo(kase: Case, handler: Grid): void {
  kase.handlingUnitId = handler.id;
  kase.handlingParentId = handler.parentId ?? null;
  kase.viaPlatform = handler.hasPlatform;
}

/**
 * The first handling unit of a new report: the county's platform where it has one, otherwise
 * the case's own township (本级网格), falling back to the county or city for grids above it.
 */
export async function assignFirstHandler(ctx: RequestContext, kase: Case, grid: Grid): Promise<void> {
  const county = grid.countyId != null ? await unit(ctx, grid.countyId) : null;
  const local = grid.townshipId ?? grid.countyId ?? grid.cityId;
  handTo(kase, county?.hasPlatform ? county : await unit(ctx, local));
}

/** 上报上一级网格: the parent of the handling unit takes over; null at the top (the city). */
export async function escalate(ctx: RequestContext, kase: Case): Promise<{ fromUnitId: number; toUnitId: number } | null> {
  if (kase.handlingUnitId == null || kase.handlingParentId == null) return null;
  const from = kase.handlingUnitId;
  handTo(kase, await unit(ctx, kase.handlingParentId));
  return { fromUnitId: from, toUnitId: kase.handlingUnitId as number };
}

/** The level of the unit handling the case (which row of the duty matrix applies); null before one is set. */
export async function handlingLevel(ctx: RequestContext, kase: Case): Promise<GridLevel | null> {
  return kase.handlingUnitId == null ? null : (await unit(ctx, kase.handlingUnitId)).level;
}
