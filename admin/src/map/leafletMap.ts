import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { LAYERS, type LayerName, type MapArea, type MapCluster, type MapView } from './mapData';

export interface MapTexts {
  layers: Record<LayerName | 'townships', string>;
  /** A cluster's tooltip: "12 条记录, 点击放大". */
  cluster: (count: number) => string;
  /** The zoom buttons' tooltips (Leaflet's own are English). */
  zoomIn: string;
  zoomOut: string;
  /** The folded layer control's button on a phone (Leaflet titles it "Layers"). */
  layerControl: string;
}

export interface MapEvents {
  onView: (view: MapView, active: ReadonlySet<LayerName>) => void;
  onOpen: (layer: LayerName, recordId: string) => void;
}

/** Township names (urban grids are a few hundred metres across) would crowd the map below this zoom. */
const TOWNSHIP_LABEL_ZOOM = 13;
/** Names above the clusters, never catching a click (leaflet's marker pane is 600). */
const LABEL_PANE = 'gwLabels';
/** Each layer's clusters sit a little apart, so three layers at one place stay readable. */
const NUDGE: Record<LayerName, [number, number]> = { sources: [8, 4], cases: [-8, 4], checkIns: [0, -8] };
const HEFEI: L.LatLngTuple = [31.86, 117.27];

function boundaryStyle(area: MapArea): L.PathOptions {
  const county = area.level === 'COUNTY';
  return {
    color: county ? '#37474f' : '#78909c',
    weight: county ? 2 : 1,
    // Approximated boundaries (示意) are dashed, as the legend says.
    dashArray: area.boundarySource === 'APPROXIMATED' ? (county ? '6 4' : '3 3') : undefined,
    fillColor: county ? '#eceff1' : '#ffffff',
    fillOpacity: county ? 0.6 : 0,
    interactive: false,
    className: `gw-boundary gw-boundary-${county ? 'county' : 'township'}`,
  };
}

function label(area: MapArea, kind: 'county' | 'township'): L.Marker | null {
  if (!area.labelPoint) return null;
  const icon = L.divIcon({ className: `gw-map-label gw-map-label-${kind}`, html: `<span data-testid="map-label">${escapeHtml(area.name)}</span>`, iconSize: undefined });
  return L.marker([area.labelPoint.lat, area.labelPoint.lng], { icon, interactive: false, keyboard: false, pane: LABEL_PANE });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The office map in Leaflet with no tile layer (works offline): boundaries with their names,
 * a metric scale, a layer control and the server's clusters. Returns what the page drives.
 */
export function createOfficeMap(element: HTMLElement, texts: MapTexts, events: MapEvents, narrow: boolean) {
  // No zoom animation: without tiles it shows little, and redrawing clusters mid-animation
  // left the vector layers scaled wrongly.
  const map = L.map(element, { attributionControl: false, zoomControl: false, minZoom: 5, maxZoom: 18, zoomSnap: 0.5, zoomDelta: 1, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false }).setView(HEFEI, 9);
  L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  const labels = map.createPane(LABEL_PANE);
  labels.style.zIndex = '650';
  labels.style.pointerEvents = 'none';

  const counties = L.layerGroup().addTo(map);
  const townships = L.layerGroup().addTo(map);
  const townshipLabels = L.layerGroup();
  const points = Object.fromEntries((Object.keys(LAYERS) as LayerName[]).map((name) => [name, L.layerGroup().addTo(map)])) as Record<LayerName, L.LayerGroup>;
  const overlays: Record<string, L.Layer> = {};
  for (const name of Object.keys(LAYERS) as LayerName[]) overlays[texts.layers[name]] = points[name];
  overlays[texts.layers.townships] = townships;
  const layerControl = L.control.layers(undefined, overlays, { collapsed: narrow, position: 'topright' }).addTo(map);
  const toggle = layerControl.getContainer()?.querySelector<HTMLElement>('.leaflet-control-layers-toggle');
  if (toggle) {
    toggle.title = texts.layerControl;
    toggle.setAttribute('aria-label', texts.layerControl);
  }

  const active = (): Set<LayerName> => new Set((Object.keys(points) as LayerName[]).filter((name) => map.hasLayer(points[name])));
  const view = (): MapView => {
    const b = map.getBounds();
    return {
      minLng: Math.max(-180, b.getWest()),
      minLat: Math.max(-90, b.getSouth()),
      maxLng: Math.min(180, b.getEast()),
      maxLat: Math.min(90, b.getNorth()),
      // The server's cells follow whole zoom levels.
      zoom: Math.round(map.getZoom()),
    };
  };
  const changed = () => events.onView(view(), active());
  const townshipNames = () => {
    const show = map.getZoom() >= TOWNSHIP_LABEL_ZOOM && map.hasLayer(townships);
    if (show && !map.hasLayer(townshipLabels)) townshipLabels.addTo(map);
    if (!show && map.hasLayer(townshipLabels)) townshipLabels.remove();
  };
  map.on('moveend', changed);
  map.on('zoomend overlayadd overlayremove', townshipNames);
  map.on('overlayadd overlayremove', changed);

  return {
    map,
    setAreas(level: 'COUNTY' | 'TOWNSHIP', areas: MapArea[]) {
      const group = level === 'COUNTY' ? counties : townships;
      group.clearLayers();
      if (level === 'TOWNSHIP') townshipLabels.clearLayers();
      for (const area of areas) {
        L.geoJSON(area.boundary, { style: () => boundaryStyle(area) }).addTo(group);
        const marker = label(area, level === 'COUNTY' ? 'county' : 'township');
        if (marker) marker.addTo(level === 'COUNTY' ? group : townshipLabels);
      }
      townshipNames();
    },
    /** Fits the view to the areas (the caller's territory) and reports the view. */
    fit(areas: MapArea[]) {
      const bounds = L.latLngBounds([]);
      for (const area of areas) bounds.extend(L.geoJSON(area.boundary).getBounds());
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
      changed();
    },
    setClusters(name: LayerName, clusters: MapCluster[]) {
      const group = points[name];
      group.clearLayers();
      const color = LAYERS[name].color;
      for (const c of clusters) {
        if (c.count === 1 && c.recordId) {
          const recordId = c.recordId;
          // A marker (not a vector circle): it sits in the marker pane with the clusters, so nothing covers it.
          const dot = L.divIcon({ className: `gw-point gw-point-${name}`, html: `<span style="background:${color}"></span>`, iconSize: [14, 14] });
          L.marker([c.lat, c.lng], { icon: dot, keyboard: true, title: c.label ?? '' })
            .bindTooltip(escapeHtml(c.label ?? ''), { direction: 'top' })
            .on('click', () => events.onOpen(name, recordId))
            .addTo(group);
          continue;
        }
        const size = 26 + Math.min(24, Math.round(Math.log10(c.count) * 10));
        const icon = L.divIcon({
          className: `gw-cluster gw-cluster-${name}`,
          html: `<span style="background:${color};width:${size}px;height:${size}px;line-height:${size}px" data-count="${c.count}">${c.count}</span>`,
          iconSize: [size, size],
          iconAnchor: [size / 2 + NUDGE[name][0], size / 2 + NUDGE[name][1]],
        });
        L.marker([c.lat, c.lng], { icon, title: texts.cluster(c.count), keyboard: true })
          .on('click', () => map.setView([c.lat, c.lng], Math.min(map.getMaxZoom(), map.getZoom() + 2)))
          .addTo(group);
      }
    },
    clear(name: LayerName) {
      points[name].clearLayers();
    },
    destroy() {
      map.remove();
    },
  };
}

export type OfficeMapHandle = ReturnType<typeof createOfficeMap>;
