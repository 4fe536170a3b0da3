import type { EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { SubjectType } from '../../auth/ability';
import { BadInputError } from '../../common/errors';
import { GridLevel } from '../../common/enums';
import { toGlobalId } from '../../common/global-id';
import { scopedSelectSql } from '../../data/scoped-sql';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import { Grid } from '../grid/grid.entity';
import { gridService, subtreeOf } from '../grid/grid.service';
import { PatrolCheckIn } from '../patrol/patrol-check-in.entity';
import { PollutionSource } from '../source/source.entity';
import type { MapViewInput } from './map.inputs';
import { clusters, layerTotals } from './map.sql';
import type { MapArea, MapLayer } from './map.types';

/** A cluster cell is half a 256-pixel tile, some 128 pixels on screen: three layers of circles up to 50 px stay apart. */
const CELLS_PER_TILE = 2;
/** More cells than this in one view means the bounds do not fit the zoom. */
const MAX_CELLS = 20_000;
const MAX_ZOOM = 22;

interface LayerSpec {
  entity: EntityName<object>;
  subject: SubjectType;
  /** The global-id type of the records, for the console's record page. */
  type: string;
  label: string;
  columns: string[];
}

export const LAYERS = {
  sources: { entity: PollutionSource, subject: 'PollutionSource', type: 'PollutionSource', label: 'r.name', columns: ['id', 'name', 'lng', 'lat'] },
  cases: { entity: Case, subject: 'Case', type: 'Case', label: 'r.number', columns: ['id', 'number', 'lng', 'lat'] },
  // A check-in is known by when it was made (Beijing time).
  checkIns: { entity: PatrolCheckIn, subject: 'PatrolCheckIn', type: 'PatrolCheckIn', label: `to_char(r.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`, columns: ['id', 'at', 'lng', 'lat'] },
} satisfies Record<string, LayerSpec>;

export type LayerName = keyof typeof LAYERS;

function checkView(view: MapViewInput): number {
  const problems: { field: string; message: string }[] = [];
  const finite = [view.minLng, view.minLat, view.maxLng, view.maxLat].every(Number.isFinite);
  if (!finite || view.minLng < -180 || view.maxLng > 180 || view.minLat < -90 || view.maxLat > 90) problems.push({ field: 'view', message: 'bounds must be longitudes in -180..180 and latitudes in -90..90' });
  else if (view.minLng >= view.maxLng || view.minLat >= view.maxLat) problems.push({ field: 'view', message: 'the west/south bound must be less than the east/north bound' });
  if (!Number.isInteger(view.zoom) || view.zoom < 0 || view.zoom > MAX_ZOOM) problems.push({ field: 'zoom', message: `must be an integer 0..${MAX_ZOOM}` });
  if (problems.length) throw new BadInputError('Bad map view', problems);
  const cell = 360 / 2 ** view.zoom / CELLS_PER_TILE;
  if (((view.maxLng - view.minLng) / cell) * ((view.maxLat - view.minLat) / cell) > MAX_CELLS) {
    throw new BadInputError('The bounds are too large for the zoom', [{ field: 'view', message: `at most ${MAX_CELLS} cells` }]);
  }
  return cell;
}

export const mapService = {
  /** The units at `level` with a boundary, in the caller's territory (the scope filter), under `withinId` if given. */
  async areas(ctx: RequestContext, level: GridLevel, withinId?: string): Promise<MapArea[]> {
    const where: FilterQuery<Grid>[] = [{ level, active: true, boundary: { $ne: null } }];
    if (withinId) where.push(subtreeOf(await gridService.byId(ctx, withinId)));
    const grids = await ctx.em.find(Grid, { $and: where }, { populate: ['boundary'], orderBy: { code: 'asc' } });
    return grids.map((g) => ({
      id: toGlobalId('Grid', g.id),
      code: g.code,
      name: g.name,
      level: g.level,
      boundary: g.boundary as Record<string, unknown>,
      boundarySource: g.boundarySource ?? null,
      labelPoint: g.centroid,
    }));
  },

  /** Every record of the layer in the caller's scope, counted; those in view grouped by cells of the zoom. */
  async layer(ctx: RequestContext, name: LayerName, view: MapViewInput): Promise<MapLayer> {
    const cell = checkView(view);
    const spec: LayerSpec = LAYERS[name];
    const scoped = scopedSelectSql(ctx, spec.entity, spec.subject, 'm', spec.columns);
    if (!scoped) return { total: 0, unlocated: 0, inView: 0, clusters: [] };
    const totals = await layerTotals(ctx.em, scoped);
    const rows = await clusters(ctx.em, scoped, spec.label, view, cell);
    return {
      ...totals,
      inView: rows.reduce((n, r) => n + r.count, 0),
      clusters: rows.map((r) => ({
        count: r.count,
        lng: r.lng,
        lat: r.lat,
        recordId: r.count === 1 ? toGlobalId(spec.type, r.id) : null,
        label: r.count === 1 ? r.label : null,
      })),
    };
  },
};
