import { gql } from '@apollo/client';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { useRun } from '../../common/useRun';
import { FindingSelect } from './AuditSamples';
import type { Audit } from './types';

const ISSUE = gql`mutation Issue($input: IssueAuditFindingsInput!) { issueAuditFindings(input: $input) { id status } }`;

interface Line {
  text: string;
  dueOn: string;
}

/** 下发督查意见: the overall finding, the summary and recommendations with due dates (once every element is scored). */
export const IssueFindings = () => {
  const audit = useRecordContext<Audit>();
  const translate = useTranslate();
  const run = useRun();
  const [open, setOpen] = useState(false);
  const [finding, setFinding] = useState('ATTENTION');
  const [summary, setSummary] = useState('');
  const [lines, setLines] = useState<Line[]>([{ text: '', dueOn: '' }]);
  if (!audit || audit.status !== 'SAMPLED') return null;
  const unscored = (audit.samples ?? []).some((s) => s.score == null);
  const set = (i: number, patch: Partial<Line>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = async () => {
    const recommendations = lines.filter((l) => l.text.trim()).map((l) => ({ text: l.text.trim(), dueOn: l.dueOn }));
    const input = { auditId: audit.id, finding, summary, recommendations };
    if (await run(() => apolloClient.mutate({ mutation: ISSUE, variables: { input } }), 'gw.audit.issued')) setOpen(false);
  };
  return (
    <>
      <Button label="gw.audit.issue" variant="contained" disabled={unscored} onClick={() => setOpen(true)} data-testid="audit-issue" />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('gw.audit.issue')}</DialogTitle>
        <DialogContent>
          <FindingSelect value={finding} onChange={setFinding} testId="audit-issue-finding" />
          <TextField fullWidth multiline minRows={2} margin="dense" label={translate('resources.audits.fields.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'audit-issue-summary' } }} />
          {lines.map((line, i) => (
            <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }} data-testid="audit-issue-line">
              <TextField sx={{ flex: 1 }} margin="dense" label={translate('gw.audit.recommendation')} value={line.text} onChange={(e) => set(i, { text: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'audit-issue-text' } }} />
              <TextField margin="dense" type="date" label={translate('resources.auditRecommendations.fields.dueOn')} value={line.dueOn} onChange={(e) => set(i, { dueOn: e.target.value })} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-issue-due' } }} />
              <IconButton aria-label={translate('ra.action.delete')} onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                <DeleteIcon />
              </IconButton>
            </Box>
          ))}
          <Button label="gw.audit.add_recommendation" onClick={() => setLines([...lines, { text: '', dueOn: '' }])}>
            <AddIcon />
          </Button>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="gw.workflow.submit" variant="contained" disabled={!summary.trim()} onClick={() => void submit()} data-testid="audit-issue-submit" />
        </DialogActions>
      </Dialog>
    </>
  );
};
