/**
 * The grid module's hand-written SQL outside a move (grid-rescope.sql.ts): ids for imported
 * grids, the effective platform flags, the former codes of grid_history, and the codes taken
 * anywhere. Everything runs in the caller's transaction, bounded by row-level security.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** Ids for new grids, taken before the insert: a new county or township is its own scope root. */
export async function allocateGridIds(em: EntityManager, count: number): Promise<number[]> {
  if (!count) return [];
  const rows = await em.execute<{ id: number }[]>(`select nextval('grid_id_seq')::int as id from generate_series(1, ?)`, [count]);
  return rows.map((r) => r.id);
}

/**
 * The effective platform flag of the grids of some counties (and of the given grids above
 * them): the grid's own setting, else its township's, else its county's, else false.
 * Bounded by row-level security like any write of the caller.
 */
export async function refreshPlatformFlags(em: EntityManager, countyIds: number[], gridIds: number[]): Promise<void> {
  if (!countyIds.length && !gridIds.length) return;
  // 0 is no grid's id: it stands in for an empty list, which the driver cannot bind.
  await em.execute(
    `update grid g set has_platform = coalesce(g.has_platform_set, t.has_platform_set, c.has_platform_set, false)
       from grid g2 left join grid t on t.id = g2.township_id left join grid c on c.id = g2.county_id
      where g2.id = g.id and (g.county_id = any(array[?]::int[]) or g.id = any(array[?]::int[]))
        and g.has_platform is distinct from coalesce(g.has_platform_set, t.has_platform_set, c.has_platform_set, false)`,
    [countyIds.length ? countyIds : [0], gridIds.length ? gridIds : [0]],
  );
}

/** Grids that held these codes before, the latest holder first (an old code stays findable). Row-level security bounds it. */
export function formerHolders(em: EntityManager, codes: string[]): Promise<{ code: string; grid_id: number }[]> {
  if (!codes.length) return Promise.resolve([]);
  return em.execute(`select code, grid_id from grid_history where code = any(array[?]::text[]) order by valid_to desc, id desc`, [codes]);
}

/** Grids whose former codes start with a prefix (the grids search), at most `limit`. */
export async function formerCodePrefix(em: EntityManager, prefix: string, limit = 100): Promise<number[]> {
  const rows = await em.execute<{ grid_id: number }[]>(`select distinct grid_id from grid_history where code like ? limit ?`, [`${prefix}%`, limit]);
  return rows.map((r) => r.grid_id);
}

/**
 * Which of these codes any grid holds, inside or outside the caller's territory (codes are
 * unique over the whole grid): a security-definer function that answers codes only.
 */
export async function takenGridCodes(em: EntityManager, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await em.execute<{ code: string }[]>('select code from gw_grid_codes_taken(array[?]::text[]) as code', [codes]);
  return new Set(rows.map((r) => r.code));
}
