/** Hefei's extent (东经116°41′–117°58′, 北纬30°57′–32°32′); generated points stay inside it. */
export const HEFEI_BBOX = { minLng: 116.68, maxLng: 117.97, minLat: 30.95, maxLat: 32.53 } as const;

export interface LngLat {
  lng: number;
  lat: number;
}

// Rough centres and radii (degrees) of the 13 units. Only the 4 development zones use them
// (boundaries.ts: their approximated areas); the 9 counties and districts have real boundaries.
const UNIT_AREAS: Readonly<Record<string, { lng: number; lat: number; r: number }>> = {
  '340102': { lng: 117.34, lat: 31.87, r: 0.05 },
  '340103': { lng: 117.25, lat: 31.93, r: 0.06 },
  '340104': { lng: 117.2, lat: 31.83, r: 0.06 },
  '340111': { lng: 117.33, lat: 31.77, r: 0.07 },
  '340176': { lng: 117.13, lat: 31.83, r: 0.05 },
  '340177': { lng: 117.2, lat: 31.76, r: 0.05 },
  '340178': { lng: 117.4, lat: 31.92, r: 0.05 },
  '340121': { lng: 117.17, lat: 32.3, r: 0.2 },
  '340122': { lng: 117.55, lat: 31.9, r: 0.2 },
  '340123': { lng: 117.05, lat: 31.67, r: 0.18 },
  '340124': { lng: 117.25, lat: 31.22, r: 0.22 },
  '340181': { lng: 117.8, lat: 31.62, r: 0.15 },
  '340199': { lng: 117.72, lat: 31.68, r: 0.05 },
};
const CITY_CENTRE: LngLat = { lng: 117.27, lat: 31.86 };

/** Where the generated cities of the province profile sit relative to Hefei (inside Anhui). */
export const CITY_OFFSETS: readonly LngLat[] = [
  { lng: 0, lat: 0 },
  ...[-1.6, -0.8, 0, 0.8, 1.5].flatMap((lng) => [-1.5, 1.0, 2.0].map((lat) => ({ lng, lat }))),
];

export function unitArea(county6: string, offset: LngLat): { centre: LngLat; r: number } {
  const a = UNIT_AREAS[county6] ?? { ...CITY_CENTRE, r: 0.2 };
  return { centre: { lng: a.lng + offset.lng, lat: a.lat + offset.lat }, r: a.r };
}

export function cityCentre(offset: LngLat): LngLat {
  return { lng: CITY_CENTRE.lng + offset.lng, lat: CITY_CENTRE.lat + offset.lat };
}

/** Six decimals (about 0.1 m): enough, and keeps the COPY text short and stable. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
