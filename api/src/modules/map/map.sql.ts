/**
 * The map's aggregate SQL over a scoped select (data/scoped-sql.ts: the caller's CASL read
 * scope as SQL), bounded again by row-level security: a layer's totals and its records
 * grouped into square cells of the view.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlFragment } from '../../data/scoped-sql';

export interface ClusterRow {
  count: number;
  lng: number;
  lat: number;
  id: number;
  label: string | null;
}

export interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Rows in scope, and those without a position (they cannot be drawn). */
export async function layerTotals(em: EntityManager, scoped: SqlFragment): Promise<{ total: number; unlocated: number }> {
  const [row] = await em.execute<{ total: number; unlocated: number }[]>(
    `select count(*)::int as total, count(*) filter (where r.lng is null or r.lat is null)::int as unlocated from (${scoped.sql}) r`,
    scoped.bindings,
  );
  return row;
}

/**
 * Records in the bounds grouped by cells of `cell` degrees: count and mean position; the
 * smallest id and its label stand for a cell that holds one record.
 */
export async function clusters(em: EntityManager, scoped: SqlFragment, labelSql: string, bounds: Bounds, cell: number): Promise<ClusterRow[]> {
  return em.execute<ClusterRow[]>(
    `select count(*)::int as count, avg(r.lng)::float8 as lng, avg(r.lat)::float8 as lat, min(r.id)::int as id, min(${labelSql}) as label
       from (${scoped.sql}) r
      where r.lng between ? and ? and r.lat between ? and ?
      group by floor(r.lng / ?), floor(r.lat / ?)
      order by count(*) desc, min(r.id)`,
    [...scoped.bindings, bounds.minLng, bounds.maxLng, bounds.minLat, bounds.maxLat, cell, cell],
  );
}
