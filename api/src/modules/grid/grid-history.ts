import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { GridHistory } from './grid-history.entity';
import type { Grid } from './grid.entity';

/** What a history entry keeps of a grid: the state that ends. */
export interface GridState {
  code: string;
  name: string;
  parentCode: string | null;
}

export const stateChanged = (before: GridState, after: GridState): boolean =>
  before.code !== after.code || before.name !== after.name || before.parentCode !== after.parentCode;

/**
 * Closes the grid's present state (code, name, parent) as a history entry valid until now and
 * starts the new one; written by the same flush as the change itself.
 */
export function archiveState(ctx: RequestContext, em: EntityManager, grid: Grid, before: GridState): void {
  const now = ctx.clock.now();
  const p = ctx.principal;
  em.persist(
    Object.assign(new GridHistory(), {
      gridId: grid.id,
      ...before,
      validFrom: grid.validFrom ?? null,
      validTo: now,
      accountId: p?.accountId ?? null,
      actorName: p ? p.displayName.slice(0, 60) : null,
      actorRole: p?.role ?? null,
    }),
  );
  grid.validFrom = now;
}
