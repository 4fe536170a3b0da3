import { BoundarySource } from '../../common/enums';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { Grid } from './grid.entity';
import { isGeoJsonArea } from './grid.inputs';

/** Why a feature of a boundary import was refused (extensions.features[].reason). */
export type BoundaryProblemReason = 'NOT_A_FEATURE' | 'MISSING_CODE' | 'DUPLICATE' | 'BAD_GEOMETRY' | 'UNKNOWN_GRID' | 'NOT_PERMITTED';

export interface BoundaryProblem {
  /** The feature's position in the collection, from 0. */
  index: number;
  code: string | null;
  reason: BoundaryProblemReason;
}

/** More features than a city has grids of one county is not a boundary file. */
const MAX_FEATURES = 5000;

function codeOf(feature: unknown): string | null {
  const properties = (feature as { properties?: Record<string, unknown> | null }).properties;
  const code = properties?.code ?? properties?.gridCode ?? (feature as { id?: unknown }).id;
  return typeof code === 'string' && code.trim() ? code.trim() : typeof code === 'number' ? String(code) : null;
}

function refuse(message: string, features: BoundaryProblem[] = []): never {
  throw new DomainError('BAD_USER_INPUT', message, { features });
}

/**
 * 边界导入: a GeoJSON FeatureCollection whose features carry the grid code (properties.code,
 * or the feature id). All features are checked first; any problem refuses the whole file with
 * every reason, and nothing changes. Grids outside the caller's territory are not found (the
 * scope filter), grids it may not reshape are NOT_PERMITTED.
 */
export async function importGridBoundaries(ctx: RequestContext, collection: Record<string, unknown>): Promise<Grid[]> {
  const features = collection.features;
  if (collection.type !== 'FeatureCollection' || !Array.isArray(features)) refuse('Expected a GeoJSON FeatureCollection');
  if (features.length === 0 || features.length > MAX_FEATURES) refuse(`Expected 1..${MAX_FEATURES} features`);

  const problems: BoundaryProblem[] = [];
  const wanted = new Map<string, { index: number; geometry: Record<string, unknown> }>();
  features.forEach((feature: unknown, index) => {
    if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
      problems.push({ index, code: null, reason: 'NOT_A_FEATURE' });
      return;
    }
    const code = codeOf(feature);
    const geometry = (feature as { geometry?: unknown }).geometry;
    if (!code) problems.push({ index, code: null, reason: 'MISSING_CODE' });
    else if (wanted.has(code)) problems.push({ index, code, reason: 'DUPLICATE' });
    else if (geometry == null || !isGeoJsonArea(geometry)) problems.push({ index, code, reason: 'BAD_GEOMETRY' });
    else wanted.set(code, { index, geometry: geometry as Record<string, unknown> });
  });

  const grids = wanted.size ? await ctx.em.find(Grid, { code: { $in: [...wanted.keys()] } }, { populate: ['boundary'] }) : [];
  const byCode = new Map(grids.map((g) => [g.code, g]));
  for (const [code, { index }] of wanted) {
    const grid = byCode.get(code);
    if (!grid) problems.push({ index, code, reason: 'UNKNOWN_GRID' });
    else if (!ctx.ability.can('update', grid, 'boundary')) problems.push({ index, code, reason: 'NOT_PERMITTED' });
  }
  if (problems.length) refuse(`${problems.length} feature(s) cannot be imported`, problems.sort((a, b) => a.index - b.index));

  for (const grid of grids) {
    grid.boundary = wanted.get(grid.code)!.geometry;
    grid.boundarySource = BoundarySource.IMPORTED;
  }
  await ctx.em.flush();
  return grids.sort((a, b) => a.code.localeCompare(b.code));
}
