import { gql } from '@apollo/client';
import type L from 'leaflet';
import { apolloClient } from '../apollo';
import type { GridLevelName } from '@gridwatch/domain/enums';

/** A GeoJSON Polygon or MultiPolygon, as Leaflet reads it. */
export type Boundary = NonNullable<Parameters<typeof L.geoJSON>[0]>;

export type BoundarySource = 'REAL' | 'APPROXIMATED' | 'IMPORTED';

export interface MapArea {
  id: string;
  code: string;
  name: string;
  level: GridLevelName;
  boundary: Boundary;
  boundarySource: BoundarySource | null;
  labelPoint: { lng: number; lat: number } | null;
}

export interface MapCluster {
  count: number;
  lng: number;
  lat: number;
  recordId: string | null;
  label: string | null;
}

export interface MapLayerData {
  total: number;
  unlocated: number;
  inView: number;
  clusters: MapCluster[];
}

export interface MapView {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  zoom: number;
}

/** The point layers: the query that serves each and the console resource a record opens in. */
export const LAYERS = {
  sources: { field: 'mapSources', resource: 'sources', color: '#1565c0' },
  cases: { field: 'mapCases', resource: 'cases', color: '#c62828' },
  checkIns: { field: 'mapCheckIns', resource: 'patrolCheckIns', color: '#2e7d32' },
} as const;
export type LayerName = keyof typeof LAYERS;

const AREAS = gql`
  query MapAreas($level: GridLevel!) {
    mapAreas(level: $level) { id code name level boundary boundarySource labelPoint { lng lat } }
  }
`;

export async function loadAreas(level: 'COUNTY' | 'TOWNSHIP'): Promise<MapArea[]> {
  const { data } = await apolloClient.query<{ mapAreas: MapArea[] }>({ query: AREAS, variables: { level } });
  return data.mapAreas;
}

const layerQuery = (field: string) =>
  gql(`query MapLayer_${field}($view: MapViewInput!) { ${field}(view: $view) { total unlocated inView clusters { count lng lat recordId label } } }`);
const QUERIES = Object.fromEntries(Object.entries(LAYERS).map(([name, l]) => [name, layerQuery(l.field)])) as Record<LayerName, ReturnType<typeof gql>>;

export async function loadLayer(name: LayerName, view: MapView): Promise<MapLayerData> {
  const { data } = await apolloClient.query<Record<string, MapLayerData>>({ query: QUERIES[name], variables: { view } });
  return data[LAYERS[name].field];
}
