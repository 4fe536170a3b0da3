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
