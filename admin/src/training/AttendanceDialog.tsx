import { gql } from '@apollo/client';
import { Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, List, ListItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { apolloClient } from '../apollo';
import { can } from '../auth/authProvider';
import { shanghaiToday } from '../common/clock';
import { useApi } from '../common/useApi';
import { useRun } from '../common/useRun';
import type { Session } from './TrainingPage';

interface People {
  officers: { nodes: { id: string; name: string }[] };
  gridWorkers: { nodes: { id: string; name: string }[] };
}

const PEOPLE = gql`
  query TrainingPeople($filter: PersonFilter) {
    officers(first: 30, filter: $filter) { nodes { id name } }
    gridWorkers(first: 30, filter: $filter) { nodes { id name } }
  }
`;
const RECORD = gql`mutation RecordTrainingAttendance($input: TrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { id } }`;

/**
 * A session's attendees, and for its organisers (a held session) a search over the people in
 * their territory to tick who attended. The API refuses anyone outside it.
 */
export const AttendanceDialog = ({ session, onClose, onChanged }: { session: Session; onClose: () => void; onChanged: () => void }) => {
  const translate = useTranslate();
  const run = useRun();
  const t = (key: string, options?: Record<string, unknown>) => translate(`gw.training.${key}`, options);
  const identity = useGetIdentity().data as Identity | undefined;
  // Its organising unit's administrators record attendance (the API checks it again).
  const records = can('create', 'TrainingAttendance') && session.unit?.id === identity?.unitId;
  const held = session.heldOn <= shanghaiToday();
  const [search, setSearch] = useState('');
  const [officers, setOfficers] = useState<Set<string>>(new Set());
  const [workers, setWorkers] = useState<Set<string>>(new Set());
  const people = useApi<People>(PEOPLE, records && held ? { filter: { active: true, ...(search.trim() ? { search: search.trim() } : {}) } } : null);
  const toggle = (set: Set<string>, setter: (s: Set<string>) => void, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setter(next);
  };
  const record = async () => {
    const ok = await run(() => apolloClient.mutate({ mutation: RECORD, variables: { input: { sessionId: session.id, officerIds: [...officers], gridWorkerIds: [...workers] } } }), 'gw.training.recorded');
    if (ok) {
      onChanged();
      onClose();
    }
  };
  const names = session.attendance.map((a) => a.officer?.name ?? a.gridWorker?.name).filter(Boolean);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="attendance-dialog">
      <DialogTitle>
        {session.course?.title} · {session.heldOn}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary">
          {session.place} · {session.unit?.name}
        </Typography>
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          {t('attendees', { count: names.length })}
        </Typography>
        <Typography variant="body2" data-testid="attendees">{names.length ? names.join('、') : t('none')}</Typography>
        {records && held ? (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2">{t('pick')}</Typography>
            <TextField size="small" fullWidth label={t('search')} value={search} onChange={(e) => setSearch(e.target.value)} sx={{ my: 1 }} slotProps={{ htmlInput: { 'data-testid': 'attendance-search' } }} />
            <List dense disablePadding>
              {people.data?.officers.nodes.map((p) => (
                <ListItem key={p.id} disablePadding>
                  <FormControlLabel control={<Checkbox checked={officers.has(p.id)} onChange={() => toggle(officers, setOfficers, p.id)} />} label={`${p.name}（${t('officers')}）`} />
                </ListItem>
              ))}
              {people.data?.gridWorkers.nodes.map((p) => (
                <ListItem key={p.id} disablePadding>
                  <FormControlLabel control={<Checkbox checked={workers.has(p.id)} onChange={() => toggle(workers, setWorkers, p.id)} data-testid="attendance-worker" />} label={`${p.name}（${t('grid_workers')}）`} />
                </ListItem>
              ))}
            </List>
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cancel')}</Button>
        {records && held ? (
          <Button variant="contained" disabled={!officers.size && !workers.size} onClick={() => void record()} data-testid="attendance-record">
            {t('record')}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
};
