/** Hefei's extent (all 13 level-2 units), WGS-84; the seed has no boundaries yet, only points. */
export const HEFEI_BBOX = { west: 116.68, east: 117.98, south: 30.93, north: 32.63 };

export interface Point {
  x: number;
  y: number;
}

/**
 * Equirectangular projection scaled by cos(latitude) at the centre: at Hefei's size the
 * distortion is well under 1%, and no map library or tile server is needed.
 */
export function projector(width: number) {
  const { west, east, south, north } = HEFEI_BBOX;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * k);
  const height = (north - south) * scale;
  return {
    height,
    project: (lng: number, lat: number): Point => ({ x: (lng - west) * k * scale, y: (north - lat) * scale }),
  };
}

/** The same projection fitted to a set of points (a field worker's grids span a few kilometres). */
export function fittedProjector(points: { lng: number; lat: number }[], width: number, marginDeg = 0.005) {
  if (!points.length) return { ...projector(width), bbox: HEFEI_BBOX };
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  const bbox = { west: Math.min(...lngs) - marginDeg, east: Math.max(...lngs) + marginDeg, south: Math.min(...lats) - marginDeg, north: Math.max(...lats) + marginDeg };
  const k = Math.cos((((bbox.south + bbox.north) / 2) * Math.PI) / 180);
  const scale = width / ((bbox.east - bbox.west) * k);
  return {
    bbox,
    height: (bbox.north - bbox.south) * scale,
    project: (lng: number, lat: number): Point => ({ x: (lng - bbox.west) * k * scale, y: (bbox.north - lat) * scale }),
  };
}
