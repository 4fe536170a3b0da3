/** Hefei's extent (all 13 level-2 units), WGS-84: the field map's fallback when it has no points. */
export const HEFEI_BBOX = { west: 116.68, east: 117.98, south: 30.93, north: 32.63 };

export interface Point {
  x: number;
  y: number;
}

type Bbox = typeof HEFEI_BBOX;

/**
 * Equirectangular projection of a box, scaled by cos(latitude) at its centre: at a city's
 * size the distortion is well under 1%, and no map library or tile server is needed.
 */
function projectBox(bbox: Bbox, width: number) {
  const { west, east, south, north } = bbox;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * k);
  return {
    bbox,
    height: (north - south) * scale,
    project: (lng: number, lat: number): Point => ({ x: (lng - west) * k * scale, y: (north - lat) * scale }),
  };
}

/** Hefei's whole extent. */
export const projector = (width: number) => projectBox(HEFEI_BBOX, width);

/** The same projection fitted to a set of points (a field worker's grids span a few kilometres). */
export function fittedProjector(points: { lng: number; lat: number }[], width: number, marginDeg = 0.005) {
  if (!points.length) return projector(width);
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  return projectBox({ west: Math.min(...lngs) - marginDeg, east: Math.max(...lngs) + marginDeg, south: Math.min(...lats) - marginDeg, north: Math.max(...lats) + marginDeg }, width);
}
