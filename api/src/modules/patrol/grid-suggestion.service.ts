import type { RequestContext } from '../../context/request-context';
import { scopedIdsSql, scopedSelectSql, type SqlFragment } from '../../data/scoped-sql';
import { Case } from '../case/case.entity';
import { PatrolCheckIn } from './patrol-check-in.entity';
import { containsPoint } from '../grid/grid-area';
import { Grid } from '../grid/grid.entity';
import { GridSuggestionBasis, type GridSuggestion } from './grid-suggestion.types';

interface At {
  lng: number;
  lat: number;
}

const DEPTH: Record<string, number> = { VILLAGE: 3, TOWNSHIP: 2, COUNTY: 1, CITY: 0 };
/** Boundaries tested per request: the grids whose centre is nearest. */
const BOUNDARY_CANDIDATES = 50;
/** Records further than this (about 5 km) say nothing about where the phone is. */
const NEARBY_DEG = 0.05;
/** A grid centre further than this (20 km) is no suggestion for where the phone is. */
const MAX_CENTRE_METERS = 20_000;

/** Metres between a row's position and the point (equirectangular: exact enough within a county). */
function distanceSql(lng: string, lat: string, at: At): SqlFragment {
  return {
    sql: `sqrt(power((${lng} - ?) * cos(radians(?)) * 111320, 2) + power((${lat} - ?) * 110540, 2))`,
    bindings: [at.lng, at.lat, at.lat],
  };
}

/** Active grids in the caller's read scope with a centre, nearest first: [id, metres]. */
async function nearestCentres(ctx: RequestContext, at: At, filter: object, limit: number, maxMeters = Infinity): Promise<{ id: number; meters: number }[]> {
  const grids = scopedSelectSql(ctx, Grid, 'Grid', 'g', ['id', 'centroid_lng', 'centroid_lat'], { active: true, centroidLng: { $ne: null }, ...filter });
  if (!grids) return [];
  const distance = distanceSql('g.centroid_lng', 'g.centroid_lat', at);
  const rows = await ctx.em.execute<{ id: number; meters: number }[]>(`select g.id, ${distance.sql} as meters from (${grids.sql}) g order by meters limit ?`, [...distance.bindings, ...grids.bindings, limit]);
  return rows.filter((r) => Number(r.meters) <= maxMeters);
}

/** Grids of the nearest positioned cases and check-ins the caller may read, nearest first. */
async function nearestRecords(ctx: RequestContext, at: At, limit: number): Promise<{ id: number; meters: number }[]> {
  const parts: SqlFragment[] = [];
  for (const [entity, subject, table] of [
    [Case, 'Case', '"case"'],
    [PatrolCheckIn, 'PatrolCheckIn', 'patrol_check_in'],
  ] as const) {
    const ids = scopedIdsSql(ctx, entity, subject);
    if (!ids) continue;
    const distance = distanceSql('r.lng', 'r.lat', at);
    parts.push({
      sql: `(select r.grid_id, ${distance.sql} as meters from ${table} r
              where r.id in (${ids.sql}) and r.lng between ? and ? and r.lat between ? and ?
              order by meters limit 50)`,
      bindings: [...distance.bindings, ...ids.bindings, at.lng - NEARBY_DEG, at.lng + NEARBY_DEG, at.lat - NEARBY_DEG, at.lat + NEARBY_DEG],
    });
  }
  if (!parts.length) return [];
  return ctx.em.execute(
    `select grid_id as id, min(meters) as meters from (${parts.map((p) => p.sql).join(' union all ')}) near group by grid_id order by meters limit ?`,
    [...parts.flatMap((p) => p.bindings), limit],
  );
}

/**
 * 按位置推荐网格: the grids whose boundary holds the point (deepest first), then the nearest
 * centres, then (where grids have neither) the grids of the nearest records. Every step reads
 * only what the caller may read; the grids themselves are loaded through the scoped manager.
 */
export async function suggestGrids(ctx: RequestContext, at: At, first: number): Promise<GridSuggestion[]> {
  const found = new Map<number, { basis: GridSuggestionBasis; meters: number | null }>();
  const add = (id: number, basis: GridSuggestionBasis, meters: number | null) => found.size < first && !found.has(id) && found.set(id, { basis, meters });

  const bounded = await nearestCentres(ctx, at, { boundary: { $ne: null } }, BOUNDARY_CANDIDATES);
  if (bounded.length) {
    const grids = await ctx.em.find(Grid, { id: { $in: bounded.map((b) => b.id) } }, { populate: ['boundary'] });
    const inside = grids.filter((g) => containsPoint(g.boundary, at)).sort((a, b) => DEPTH[b.level] - DEPTH[a.level]);
    for (const g of inside) add(g.id, GridSuggestionBasis.BOUNDARY, 0);
  }
  for (const c of await nearestCentres(ctx, at, {}, first, MAX_CENTRE_METERS)) add(c.id, GridSuggestionBasis.CENTROID, Number(c.meters));
  if (found.size < first) for (const r of await nearestRecords(ctx, at, first)) add(r.id, GridSuggestionBasis.NEARBY_RECORD, Number(r.meters));

  const grids = new Map((await ctx.em.find(Grid, { id: { $in: [...found.keys()] }, active: true })).map((g) => [g.id, g]));
  return [...found].flatMap(([id, s]) => {
    const grid = grids.get(id);
    return grid ? [{ grid, basis: s.basis, distanceMeters: s.meters === null ? null : Math.round(s.meters) }] : [];
  });
}
