import { Box, Card, CardContent, Typography, useMediaQuery } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Title, useCreatePath, useNavigate, useTranslate } from 'react-admin';
import { createOfficeMap, type OfficeMapHandle } from './leafletMap';
import { LAYERS, type LayerName, type MapLayerData, type MapView, loadAreas, loadLayer } from './mapData';

type Totals = Partial<Record<LayerName, MapLayerData | 'denied'>>;
const NAMES = Object.keys(LAYERS) as LayerName[];
/** Wait for the map to settle before asking (a drag sends many move events). */
const SETTLE_MS = 150;

/**
 * The office map: county and township boundaries (dashed where 示意), names, a scale and the
 * sources, cases and check-ins of the caller's territory, clustered by the server. Every
 * record is counted: the totals under the map are the layers' totals, not what fits on screen.
 */
const OfficeMap = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<OfficeMapHandle | null>(null);
  const [totals, setTotals] = useState<Totals>({});
  const [approximated, setApproximated] = useState(false);
  const narrow = useMediaQuery('(max-width:600px)');
  const open = useRef<(layer: LayerName, id: string) => void>(() => undefined);
  open.current = (layer, id) => navigate(layer === 'checkIns' ? '/patrolCheckIns' : createPath({ resource: LAYERS[layer].resource, id, type: 'show' }));

  useEffect(() => {
    if (!element.current) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;
    const refresh = (view: MapView, active: ReadonlySet<LayerName>) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ask = ++asked;
        for (const name of NAMES) {
          if (!active.has(name)) {
            handle.current?.clear(name);
            continue;
          }
          loadLayer(name, view).then(
            (data) => {
              if (ask !== asked) return;
              handle.current?.setClusters(name, data.clusters);
              setTotals((t) => ({ ...t, [name]: data }));
            },
            // A role that may not read the layer (FORBIDDEN) sees it empty and is told so.
            () => setTotals((t) => ({ ...t, [name]: 'denied' })),
          );
        }
      }, SETTLE_MS);
    };
    const map = createOfficeMap(
      element.current,
      {
        layers: { sources: translate('gw.map.sources'), cases: translate('gw.map.cases'), checkIns: translate('gw.map.check_ins'), townships: translate('gw.map.townships') },
        cluster: (count) => translate('gw.map.cluster', { count }),
        zoomIn: translate('gw.map.zoom_in'),
        zoomOut: translate('gw.map.zoom_out'),
        layerControl: translate('gw.map.layer_control'),
      },
      { onView: refresh, onOpen: (layer, id) => open.current(layer, id) },
      narrow,
    );
    handle.current = map;
    void Promise.all([loadAreas('COUNTY'), loadAreas('TOWNSHIP')]).then(
      ([counties, townships]) => {
        map.setAreas('COUNTY', counties);
        map.setAreas('TOWNSHIP', townships);
        setApproximated([...counties, ...townships].some((a) => a.boundarySource === 'APPROXIMATED'));
        map.fit(counties.length ? counties : townships);
      },
      () => map.fit([]),
    );
    return () => {
      clearTimeout(timer);
      handle.current = null;
      map.destroy();
    };
    // Built once; the phone/desktop switch rebuilds it with the other layer control.
  }, [narrow]);

  return (
    <Card sx={{ m: { xs: 0, sm: 2 } }} data-testid="map">
      <Title title="gw.map.title" />
      <CardContent sx={{ p: { xs: 1, sm: 2 } }}>
        <Typography variant="body2" color="text.secondary">
          {translate('gw.map.note')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5, my: 1 }}>
          {NAMES.map((name) => {
            const t = totals[name];
            return (
              <Typography key={name} variant="body2" data-testid={`map-total-${name}`}>
                <span style={{ color: LAYERS[name].color }}>●</span>{' '}
                {t === 'denied'
                  ? translate('gw.map.denied', { layer: translate(`gw.map.${name === 'checkIns' ? 'check_ins' : name}`) })
                  : t
                    ? translate('gw.map.total', { layer: translate(`gw.map.${name === 'checkIns' ? 'check_ins' : name}`), total: t.total, inView: t.inView, unlocated: t.unlocated })
                    : translate(`gw.map.${name === 'checkIns' ? 'check_ins' : name}`)}
              </Typography>
            );
          })}
        </Box>
        <Box ref={element} className="gw-office-map" data-testid="office-map" sx={{ height: { xs: 'calc(100vh - 260px)', sm: 'calc(100vh - 240px)' }, minHeight: 360, border: '1px solid #cfd8dc' }} />
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid="map-legend">
          {translate('gw.map.legend_real')}
          {approximated ? ` · ${translate('gw.map.legend_approximated')}` : ''} · {translate('gw.map.legend_clusters')}
        </Typography>
      </CardContent>
    </Card>
  );
};

export default OfficeMap;
