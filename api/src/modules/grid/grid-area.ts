import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';

type Area = Parameters<typeof booleanPointInPolygon>[1];

/** Grid boundaries are validated GeoJSON Polygon/MultiPolygon on the way in (grid.inputs). */
export function isArea(boundary: unknown): boundary is Area {
  return typeof boundary === 'object' && boundary !== null && 'type' in boundary && (boundary.type === 'Polygon' || boundary.type === 'MultiPolygon');
}

/** Whether the point lies in the boundary; null when the grid has none to check against. */
export function containsPoint(boundary: unknown, at: { lng: number; lat: number }): boolean | null {
  return isArea(boundary) ? booleanPointInPolygon(point([at.lng, at.lat]), boundary) : null;
}
