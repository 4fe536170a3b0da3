import { raw } from '@mikro-orm/postgresql';
import { GridLevel } from '../../common/enums';
import { BadInputError, ForbiddenError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import type { PostRequestInput } from './open311.inputs';

// Every lookup here runs through the scope filter: a complaint lands only in the key's territory.

/** A point farther than this from every grid centre of the key's territory is not in it. */
const MAX_GRID_DISTANCE_KM = 30;

/** Where a complaint is put: the grid it names, else the grid nearest its point, else the key's own unit. */
export async function placeOf(ctx: RequestContext, input: PostRequestInput): Promise<Grid> {
  if (input.gridCode) {
    const named = await ctx.em.findOne(Grid, { code: input.gridCode, active: true });
    if (!named) throw new BadInputError('Unknown grid', [{ field: 'attribute[grid]', message: 'no such grid in your territory' }]);
    return named;
  }
  const near = input.lat !== undefined && input.long !== undefined ? await gridAt(ctx, input.lat, input.long) : null;
  return near ?? ownUnit(ctx);
}

/**
 * The grid a complaint's point falls in: the nearest township or village grid centre within the
 * key's territory (the scope filter bounds the search). The archive holds no boundaries; null
 * when no grid has a centre either.
 */
async function gridAt(ctx: RequestContext, lat: number, long: number): Promise<Grid | null> {
  const grid = await ctx.em.findOne(
    Grid,
    { level: { $in: [GridLevel.TOWNSHIP, GridLevel.VILLAGE] }, active: true, centroidLng: { $ne: null }, centroidLat: { $ne: null } },
    { orderBy: { [raw((alias) => `power(${alias}.centroid_lng - ?, 2) + power(${alias}.centroid_lat - ?, 2)`, [long, lat])]: 'asc' } },
  );
  if (!grid) return null;
  if (distanceKm(lat, long, grid.centroidLat as number, grid.centroidLng as number) > MAX_GRID_DISTANCE_KM) throw new BadInputError('The location is outside the grids this key reports in', [{ field: 'lat', message: 'outside the territory' }]);
  return grid;
}

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const x = (lng2 - lng1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  return Math.hypot(x, (lat2 - lat1) * rad) * 6371;
}

/** Without a point, the complaint is put on the key's own unit, whose staff place it. */
async function ownUnit(ctx: RequestContext): Promise<Grid> {
  const grid = ctx.principal ? await ctx.em.findOne(Grid, { id: ctx.principal.unitId }) : null;
  if (!grid) throw new ForbiddenError('This key reports in no unit');
  return grid;
}

