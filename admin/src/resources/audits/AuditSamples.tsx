import { gql } from '@apollo/client';
import { Box, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { apolloClient } from '../../apollo';
import { enumChoices } from '../../common/enums';
import { SimpleTable } from '../../common/SimpleTable';
import { useRun } from '../../common/useRun';
import type { Audit, AuditSample } from './types';

const SCORE = gql`mutation Score($input: ScoreAuditSampleInput!) { scoreAuditSample(input: $input) { id score finding } }`;

const FindingSelect = ({ value, onChange, testId }: { value: string; onChange: (v: string) => void; testId: string }) => {
  const translate = useTranslate();
  return (
    <TextField select fullWidth margin="dense" label={translate('resources.audits.fields.finding')} value={value} onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { 'data-testid': testId } }}>
      {enumChoices('AuditFinding').map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {translate(c.name)}
        </MenuItem>
      ))}
    </TextField>
  );
};
export { FindingSelect };

/** 评分: 0-100 with a finding and a note; final once findings are issued. */
const ScoreDialog = ({ sample, onClose }: { sample: AuditSample; onClose: () => void }) => {
  const translate = useTranslate();
  const run = useRun();
  const [score, setScore] = useState(String(sample.score ?? 90));
  const [finding, setFinding] = useState(sample.finding ?? 'MEETS');
  const [note, setNote] = useState(sample.note ?? '');
  const submit = async () => {
    const input = { sampleId: sample.id, score: Number(score), finding, note: note || undefined };
    if (await run(() => apolloClient.mutate({ mutation: SCORE, variables: { input } }), 'gw.audit.scored')) onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('gw.audit.score_title', { position: sample.position })}</DialogTitle>
      <DialogContent>
        <TextField fullWidth margin="dense" type="number" label={translate('resources.audits.fields.score')} value={score} onChange={(e) => setScore(e.target.value)} slotProps={{ htmlInput: { min: 0, max: 100, 'data-testid': 'audit-score-value' } }} />
        <FindingSelect value={finding} onChange={setFinding} testId="audit-score-finding" />
        <TextField fullWidth multiline minRows={2} margin="dense" label={translate('resources.audits.fields.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="gw.workflow.submit" variant="contained" onClick={() => void submit()} data-testid="audit-score-submit" />
      </DialogActions>
    </Dialog>
  );
};

/** The drawn elements in draw order; the auditor scores each while the audit is SAMPLED. */
export const AuditSamples = ({ auditor }: { auditor: boolean }) => {
  const audit = useRecordContext<Audit>();
  const translate = useTranslate();
  const [open, setOpen] = useState<AuditSample | null>(null);
  if (!audit) return null;
  const scoring = auditor && audit.status === 'SAMPLED';
  return (
    <Box>
      <Typography variant="subtitle1">{translate('gw.audit.samples')}</Typography>
      <SimpleTable
        rowTestId="audit-sample"
        columns={[{ label: '#' }, { label: translate('resources.audits.fields.kind') }, { label: translate('gw.audit.element') }, { label: translate('resources.audits.fields.score'), align: 'right' }, { label: translate('resources.audits.fields.finding') }, { label: translate('resources.audits.fields.note') }, { label: '' }]}
        rows={(audit.samples ?? []).map((s) => ({
          key: s.id,
          cells: [
            s.position,
            translate(`gw.enum.AuditElementKind.${s.kind}`),
            s.case ? <Link to={`/cases/${encodeURIComponent(s.case.id)}/show`}>{s.case.number}</Link> : s.elementId,
            <span key="s" data-testid="audit-sample-score">{s.score ?? '—'}</span>,
            s.finding ? translate(`gw.enum.AuditFinding.${s.finding}`) : '—',
            s.note ?? '',
            scoring ? <Button label={s.score == null ? 'gw.audit.score' : 'gw.audit.rescore'} onClick={() => setOpen(s)} data-testid="audit-score" /> : null,
          ],
        }))}
      />
      {open ? <ScoreDialog sample={open} onClose={() => setOpen(null)} /> : null}
    </Box>
  );
};
