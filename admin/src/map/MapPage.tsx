import { Box, Card, CardContent, FormControlLabel, Switch, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useCreatePath, useDataProvider, useNavigate, useTranslate, type RaRecord } from 'react-admin';
import { projector } from './projection';
import { FieldMap } from '../field/FieldMap';
import { useFieldMode } from '../field/roles';

interface Located extends RaRecord {
  name?: string;
  number?: string;
  lng?: number;
  lat?: number;
}

const WIDTH = 900;
const MAX_PAGES = 5;

async function located(dataProvider: ReturnType<typeof useDataProvider>, resource: string): Promise<Located[]> {
  const rows: Located[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await dataProvider.getList<Located>(resource, { pagination: { page, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    rows.push(...result.data.filter((r) => typeof r.lng === 'number' && typeof r.lat === 'number'));
    if (!result.pageInfo?.hasNextPage) break;
  }
  return rows;
}

/** Sources and cases as dots on Hefei's extent, drawn in SVG: works with no internet at all. */
export const MapPage = () => (useFieldMode() ? <FieldMap /> : <OfficeMap />);

const OfficeMap = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [sources, setSources] = useState<Located[]>([]);
  const [cases, setCases] = useState<Located[]>([]);
  const [show, setShow] = useState({ sources: true, cases: true });
  const { height, project } = projector(WIDTH);

  useEffect(() => {
    void located(dataProvider, 'sources').then(setSources, () => undefined);
    void located(dataProvider, 'cases').then(setCases, () => undefined);
  }, [dataProvider]);

  const dot = (resource: string, r: Located, color: string, radius: number) => {
    const p = project(r.lng as number, r.lat as number);
    return (
      <circle
        key={`${resource}-${r.id}`}
        cx={p.x}
        cy={p.y}
        r={radius}
        fill={color}
        fillOpacity={0.75}
        style={{ cursor: 'pointer' }}
        onClick={() => navigate(createPath({ resource, id: r.id, type: 'show' }))}
      >
        <title>{r.number ?? r.name}</title>
      </circle>
    );
  };

  return (
    <Card sx={{ m: 2 }} data-testid="map">
      <Title title="gw.map.title" />
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate('gw.map.note')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <FormControlLabel control={<Switch checked={show.sources} onChange={(e) => setShow({ ...show, sources: e.target.checked })} />} label={<span style={{ color: '#1565c0' }}>● {translate('gw.map.sources')}</span>} />
          <FormControlLabel control={<Switch checked={show.cases} onChange={(e) => setShow({ ...show, cases: e.target.checked })} />} label={<span style={{ color: '#c62828' }}>● {translate('gw.map.cases')}</span>} />
          <Typography variant="body2" data-testid="map-count">
            {translate('gw.map.shown', { sources: show.sources ? sources.length : 0, cases: show.cases ? cases.length : 0 })}
          </Typography>
        </Box>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, background: '#eef3f7', border: '1px solid #ccd' }} role="img">
          {[117, 117.5].map((lng) => {
            const a = project(lng, 32.63);
            const b = project(lng, 30.93);
            return <line key={lng} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#ccd" strokeDasharray="4 4" />;
          })}
          {[31.5, 32].map((lat) => {
            const a = project(116.68, lat);
            const b = project(117.98, lat);
            return <line key={lat} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#ccd" strokeDasharray="4 4" />;
          })}
          {show.sources ? sources.map((s) => dot('sources', s, '#1565c0', 3)) : null}
          {show.cases ? cases.map((c) => dot('cases', c, '#c62828', 4)) : null}
        </svg>
      </CardContent>
    </Card>
  );
};
