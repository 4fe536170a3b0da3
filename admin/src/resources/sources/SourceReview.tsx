import { gql } from '@apollo/client';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Box, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { can } from '../../auth/authProvider';
import { enumChoices } from '../../common/enums';
import { toHttpError } from '../../data/errors';

const CONFIRM = gql`mutation ConfirmSource($id: ID!, $version: Int!, $level: SupervisionLevel) { confirmSource(id: $id, version: $version, supervisionLevel: $level) { id status version } }`;
const REJECT = gql`mutation RejectSource($id: ID!, $version: Int!, $reason: String!) { rejectSource(id: $id, version: $version, reason: $reason) { id status version } }`;

type Mode = 'confirm' | 'reject';

/**
 * A grid worker's new source (待确认) is confirmed at a chosen level or rejected with a
 * reason, by whoever the rules let confirm it; the record's version guards against a race.
 */
export const SourceReview = () => {
  const record = useRecordContext<{ id: string; status: string; version: number; supervisionLevel: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [mode, setMode] = useState<Mode | null>(null);
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || record.status !== 'PENDING' || !can('confirm', 'PollutionSource')) return null;

  const submit = async () => {
    setBusy(true);
    try {
      if (mode === 'confirm') await apolloClient.mutate({ mutation: CONFIRM, variables: { id: record.id, version: record.version, level: level || record.supervisionLevel } });
      else await apolloClient.mutate({ mutation: REJECT, variables: { id: record.id, version: record.version, reason } });
      notify(mode === 'confirm' ? 'gw.source.confirmed' : 'gw.source.rejected', { type: 'success' });
      setMode(null);
    } catch (error) {
      notify(toHttpError(error).message, { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }} data-testid="source-review">
      <Typography variant="body2" color="warning.main">
        {translate('gw.source.pending_hint')}
      </Typography>
      <Button label="gw.source.confirm" onClick={() => setMode('confirm')} variant="contained" data-testid="source-confirm">
        <CheckIcon />
      </Button>
      <Button label="gw.source.reject" onClick={() => setMode('reject')} color="error" data-testid="source-reject">
        <CloseIcon />
      </Button>
      <Dialog open={mode !== null} onClose={() => setMode(null)} fullWidth maxWidth="xs">
        <DialogTitle>{translate(mode === 'reject' ? 'gw.source.reject' : 'gw.source.confirm')}</DialogTitle>
        <DialogContent>
          {mode === 'confirm' ? (
            <MuiTextField select fullWidth margin="dense" label={translate('resources.sources.fields.supervisionLevel')} value={level || record.supervisionLevel} onChange={(e) => setLevel(e.target.value)}>
              {enumChoices('SupervisionLevel').map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {translate(c.name)}
                </MenuItem>
              ))}
            </MuiTextField>
          ) : (
            <MuiTextField fullWidth multiline minRows={2} margin="dense" name="reason" label={translate('gw.source.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setMode(null)} />
          <Button label="gw.workflow.submit" variant="contained" disabled={busy || (mode === 'reject' && reason.trim().length < 2)} onClick={() => void submit()} data-testid="source-review-submit" />
        </DialogActions>
      </Dialog>
    </Box>
  );
};
