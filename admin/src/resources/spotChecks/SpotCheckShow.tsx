import { FactsLayout } from '../../common/FactsLayout';
import { gql } from '@apollo/client';
import { Box, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, NumberField, Show, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { apolloClient } from '../../apollo';
import { can } from '../../auth/authProvider';
import { ExportLinks } from '../../common/ExportButtons';
import { EnumField } from '../../common/fields';
import { enumChoices } from '../../common/enums';
import { useLoadError } from '../../common/useLoadError';
import { toHttpError } from '../../data/errors';

interface Item {
  id: string;
  position: number;
  stratum: string;
  result: string | null;
  notes: string | null;
  superseded: boolean;
  source: { id: string; name: string; supervisionLevel: string } | null;
  inspectors: { id: string; name: string }[];
  case: { id: string; number: string } | null;
}
interface Campaign {
  id: string;
  status: string;
  unit: { id: string } | null;
  currentDrawNo: number | null;
  draws: { drawNo: number; seed: number; populationSize: number; snapshotDigest: string }[];
  items?: { nodes: Item[] };
}

const DRAW = gql`mutation Draw($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { drawNo } }`;
const REPLAY = gql`query Replay($id: ID!) { replayDraw(campaignId: $id) { matches snapshotMatches } }`;
const RECORD = gql`mutation Record($input: RecordSpotCheckResultInput!) { recordSpotCheckResult(input: $input) { id result } }`;
const COMPLETE = gql`mutation Complete($id: ID!) { completeSpotCheckCampaign(id: $id) { id status } }`;
const PUBLISH = gql`mutation Publish($id: ID!) { publishSpotCheckCampaign(id: $id) { id status } }`;

function useRun() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      notify(done, { type: 'success' });
    } catch (error) {
      notify(toHttpError(error).message, { type: 'error' });
    } finally {
      refresh();
    }
  };
}

/** Draw (or redraw with a reason), replay the draw from its seed and snapshot, complete, publish. */
const CampaignActions = () => {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  const run = useRun();
  const [replay, setReplay] = useState<{ matches: boolean; snapshotMatches: boolean } | null>(null);
  if (!record) return null;
  const runs = can('update', 'SpotCheckCampaign');
  const draw = () => run(() => apolloClient.mutate({ mutation: DRAW, variables: { input: { campaignId: record.id, ...(record.currentDrawNo ? { reason: translate('gw.spotCheck.redraw_reason') } : {}) } } }), 'gw.spotCheck.drawn');
  const doReplay = async () => {
    const { data } = await apolloClient.query<{ replayDraw: { matches: boolean; snapshotMatches: boolean } }>({ query: REPLAY, variables: { id: record.id }, fetchPolicy: 'network-only' });
    setReplay(data.replayDraw);
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', my: 1 }}>
      {runs && (record.status === 'DRAFT' || record.status === 'DRAWN') ? <Button label={record.currentDrawNo ? 'gw.spotCheck.redraw' : 'gw.spotCheck.draw'} variant="contained" onClick={() => void draw()} data-testid="spot-draw" /> : null}
      {record.currentDrawNo ? <Button label="gw.spotCheck.replay" onClick={() => void doReplay()} data-testid="spot-replay" /> : null}
      {runs && record.status === 'DRAWN' ? <Button label="gw.spotCheck.complete" onClick={() => void run(() => apolloClient.mutate({ mutation: COMPLETE, variables: { id: record.id } }), 'gw.spotCheck.completed')} data-testid="spot-complete" /> : null}
      {runs && record.status === 'COMPLETED' ? <Button label="gw.spotCheck.publish" onClick={() => void run(() => apolloClient.mutate({ mutation: PUBLISH, variables: { id: record.id } }), 'gw.spotCheck.published')} data-testid="spot-publish" /> : null}
      <ExportLinks name="spot-check-samples" filter={{ campaignId: record.id }} scopeKeys={['campaignId']} />
      {replay ? (
        <Chip color={replay.matches && replay.snapshotMatches ? 'success' : 'error'} label={translate(replay.matches && replay.snapshotMatches ? 'gw.spotCheck.replay_ok' : 'gw.spotCheck.replay_bad')} data-testid="spot-replay-result" />
      ) : null}
    </Box>
  );
};

/** Records a check's result; a problem found opens a case in the chosen category (the API files it). */
const RecordResult = ({ item, onClose }: { item: Item; onClose: () => void }) => {
  const translate = useTranslate();
  const run = useRun();
  const [result, setResult] = useState('COMPLIANT');
  const [notes, setNotes] = useState('');
  const submit = async () => {
    await run(() => apolloClient.mutate({ mutation: RECORD, variables: { input: { itemId: item.id, result, notes: notes || undefined } } }), 'gw.spotCheck.recorded');
    onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{item.source?.name}</DialogTitle>
      <DialogContent>
        <MuiTextField select fullWidth margin="dense" label={translate('gw.spotCheck.result')} value={result} onChange={(e) => setResult(e.target.value)} data-testid="spot-result">
          {enumChoices('SpotCheckResult').map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {translate(c.name)}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField fullWidth multiline minRows={2} margin="dense" label={translate('gw.spotCheck.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="gw.workflow.submit" variant="contained" onClick={() => void submit()} data-testid="spot-result-submit" />
      </DialogActions>
    </Dialog>
  );
};

const Items = () => {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  const [open, setOpen] = useState<Item | null>(null);
  const items = (record?.items?.nodes ?? []).filter((i) => !i.superseded);
  if (!items.length) return <Typography color="text.secondary">{translate('gw.spotCheck.no_items')}</Typography>;
  const records = can('update', 'SpotCheckCampaign') && record?.status === 'DRAWN';
  return (
    <>
      <Table size="small" data-testid="spot-items">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>{translate('resources.sources.name', { smart_count: 1 })}</TableCell>
            <TableCell>{translate('gw.spotCheck.stratum')}</TableCell>
            <TableCell>{translate('gw.spotCheck.inspectors')}</TableCell>
            <TableCell>{translate('gw.spotCheck.result')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.id} data-testid="spot-item">
              <TableCell>{i.position + 1}</TableCell>
              <TableCell>{i.source ? <Link to={`/sources/${encodeURIComponent(i.source.id)}/show`}>{i.source.name}</Link> : '—'}</TableCell>
              <TableCell>{stratumLabel(i.stratum, translate)}</TableCell>
              <TableCell>{i.inspectors.map((o) => o.name).join('、')}</TableCell>
              <TableCell data-testid="spot-item-result">
                {i.result ? translate(`gw.enum.SpotCheckResult.${i.result}`) : '—'}
                {i.case ? (
                  <>
                    {' · '}
                    <Link to={`/cases/${encodeURIComponent(i.case.id)}/show`}>{i.case.number}</Link>
                  </>
                ) : null}
              </TableCell>
              <TableCell>{records && !i.result ? <Button label="gw.spotCheck.record" onClick={() => setOpen(i)} data-testid="spot-record" /> : null}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {open ? <RecordResult item={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
};

/**
 * A stratum as the API names it (ALL, a supervision level, a county's code, or level|code),
 * in words: 全部, 重点, 340122, 重点 · 340122.
 */
function stratumLabel(stratum: string, translate: (key: string) => string): string {
  return stratum
    .split('|')
    .map((part) => (part === 'ALL' ? translate('gw.spotCheck.all_sources') : /^[A-Z]+$/.test(part) ? translate(`gw.enum.SupervisionLevel.${part}`) : part))
    .join(' · ');
}

export const SpotCheckShow = () => (
  <Show queryOptions={useLoadError()}>
    <FactsLayout>
      <TextField source="title" />
      <EnumField source="status" enumName="SpotCheckStatus" />
      <EnumField source="stratification" enumName="SpotCheckStratification" />
      <EnumField source="conflictRule" enumName="ConflictRule" />
      <NumberField source="currentDrawNo" emptyText="—" />
      <CampaignActions />
      <Items />
    </FactsLayout>
  </Show>
);
