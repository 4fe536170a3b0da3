import { Box, Chip, Paper, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DueChip } from '../../field/CaseCard';
import { categoryKey } from '../../common/enums';

interface Summary {
  number: string;
  status: string;
  dueAt?: string | null;
  category?: { code: string; name: string } | null;
  handlingUnit?: { name: string } | null;
  leadDepartment?: { name: string } | null;
  score?: number | null;
}

const Item = ({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) => (
  <Box sx={{ minWidth: 0 }} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="body1" component="div" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {children}
    </Typography>
  </Box>
);

/** The 案卷's head: what a clerk looks for first — number, state, deadline, who has it, who leads, the score. */
export const CaseSummary = () => {
  const record = useRecordContext<Summary>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(6, minmax(0, 1fr))' } }} data-testid="case-summary">
      <Item label={translate('resources.cases.fields.number')} testId="summary-number">
        {record.number}
      </Item>
      <Item label={translate('resources.cases.fields.status')} testId="summary-status">
        <Chip size="small" color="primary" label={translate(`gw.enum.CaseStatus.${record.status}`)} />
      </Item>
      <Item label={translate('gw.case.summary_due')} testId="summary-due">
        {record.dueAt ? <DueChip dueAt={record.dueAt} /> : '—'}
      </Item>
      <Item label={translate('resources.cases.fields.category')} testId="summary-category">
        {record.category ? translate(categoryKey(record.category.code), { _: record.category.name }) : '—'}
      </Item>
      <Item label={translate('gw.case.summary_handler')} testId="summary-handler">
        {record.handlingUnit?.name ?? '—'}
      </Item>
      <Item label={translate('gw.case.summary_lead')} testId="summary-lead">
        {record.leadDepartment?.name ?? '—'}
        {record.score != null ? ` · ${translate('gw.case.summary_score')} ${record.score}` : ''}
      </Item>
    </Paper>
  );
};
