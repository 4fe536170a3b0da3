import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNavigate, useTranslate } from 'react-admin';
import { currentMe } from '../auth/authProvider';
import { fittedProjector } from '../map/projection';
import { isLate } from './CaseCard';
import { currentPosition, type Position } from './position';
import { useFieldData } from './snapshot';
import { useOutbox } from './useOutbox';

const WIDTH = 360;

/**
 * The phone's map: the cases open in the worker's territory, reports still on the phone and
 * where the phone is, fitted to them. Drawn in SVG from data kept on the phone: works offline.
 */
export const FieldMap = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data } = useFieldData(currentMe());
  const { items } = useOutbox();
  const [here, setHere] = useState<Position | null>(null);
  useEffect(() => void currentPosition(10_000).then(setHere), []);
  const cases = (data?.openCases ?? []).filter((c) => c.location);
  const queued = items.flatMap((i) => (i.kind === 'report' && i.status !== 'sent' && i.input.location ? [{ id: i.id, ...i.input.location }] : []));
  const points = [...cases.map((c) => c.location as { lng: number; lat: number }), ...queued, ...(here ? [here] : [])];
  const { height, project } = fittedProjector(points, WIDTH);
  return (
    <Box sx={{ p: 1, pb: 10 }} data-testid="field-map">
      <Title title="gw.map.title" />
      <Typography variant="body2" color="text.secondary" data-testid="field-map-count">
        {translate('gw.field.map_note', { cases: cases.length, queued: queued.length })}
      </Typography>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ background: '#eef3f7', border: '1px solid #ccd', touchAction: 'manipulation' }} role="img">
        {cases.map((c) => {
          const p = project(c.location!.lng, c.location!.lat);
          const late = isLate(c);
          return (
            <circle key={c.id} cx={p.x} cy={p.y} r={9} fill={late ? '#c62828' : '#ef6c00'} fillOpacity={0.8} onClick={() => navigate(`/cases/${encodeURIComponent(c.id)}/show`)}>
              <title>{c.number}</title>
            </circle>
          );
        })}
        {queued.map((q) => {
          const p = project(q.lng, q.lat);
          return <rect key={q.id} x={p.x - 7} y={p.y - 7} width={14} height={14} fill="#6a1b9a" fillOpacity={0.8} />;
        })}
        {here ? <circle cx={project(here.lng, here.lat).x} cy={project(here.lng, here.lat).y} r={7} fill="#1565c0" stroke="#fff" strokeWidth={3} /> : null}
      </svg>
      <Typography variant="caption" color="text.secondary">
        <span style={{ color: '#c62828' }}>●</span> {translate('gw.field.map_late')} <span style={{ color: '#ef6c00' }}>●</span> {translate('gw.field.map_open')}{' '}
        <span style={{ color: '#6a1b9a' }}>■</span> {translate('gw.field.outbox')} <span style={{ color: '#1565c0' }}>●</span> {translate('gw.field.map_here')}
      </Typography>
    </Box>
  );
};
