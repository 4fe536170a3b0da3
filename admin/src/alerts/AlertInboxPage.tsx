import { OwnerAlerts } from './OwnerAlerts';
import { gql } from '@apollo/client';
import { Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useLocale, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { can } from '../auth/authProvider';
import { formatShanghai } from '../common/fields';
import { useApi } from '../common/useApi';
import { toHttpError } from '../data/errors';
import { alertsChanged } from './alertEvents';

interface Alert {
  id: string;
  kind: 'URGE' | 'SUPERVISE' | 'NOTICE';
  subjectKind: 'CASE' | 'TASK' | 'RECOMMENDATION';
  /** Which deadline of a case: the step's, the complainant's answer, or a partner department's own. */
  deadline: 'STEP' | 'ANSWER' | 'PARTNER';
  leadDepartment: { name: string } | null;
  unitLevel: string | null;
  at: string;
  dueAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
  acknowledgementNote: string | null;
  acknowledgedBy: { displayName: string } | null;
  unit: { name: string } | null;
  case: { id: string; number: string } | null;
  task: { id: string; title: string } | null;
  recommendation: { id: string; text: string } | null;
}
interface Page {
  alerts: { totalCount: number; nodes: Alert[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const ALERTS = gql`
  query AlertInbox($filter: AlertFilter, $after: String) {
    alerts(first: 50, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id kind subjectKind deadline leadDepartment { name } unitLevel at dueAt readAt acknowledgedAt acknowledgementNote acknowledgedBy { displayName }
        unit { name } case { id number } task { id title } recommendation { id text }
      }
    }
  }
`;
const MARK = gql`
  mutation MarkAlertsRead($ids: [ID!]!) { markAlertsRead(ids: $ids) { id readAt } }
`;
const ACK = gql`
  mutation AcknowledgeAlert($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) { id acknowledgedAt } }
`;

const KIND_COLOR = { URGE: 'warning', SUPERVISE: 'error', NOTICE: 'secondary' } as const;

/** Where the alert's subject is read in the console. */
function subjectLink(a: Alert): { href: string; text: string } | null {
  if (a.case) return { href: `#/cases/${encodeURIComponent(a.case.id)}/show`, text: a.case.number };
  if (a.task) return { href: `#/tasks/${encodeURIComponent(a.task.id)}/show`, text: a.task.title };
  if (a.recommendation) return { href: `#/auditRecommendations`, text: a.recommendation.text };
  return null;
}

type Choice = '' | 'true' | 'false';

/** 提醒收件箱: the 催办/督办/通报 of the user's territory, newest first, read per person and acknowledged once. */
export const AlertInboxPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const t = (key: string, options?: Record<string, unknown>) => translate(`gw.alerts.${key}`, options);
  const [kind, setKind] = useState('');
  const [subject, setSubject] = useState('');
  const [read, setRead] = useState<Choice>('');
  const [acknowledged, setAcknowledged] = useState<Choice>('');
  const [after, setAfter] = useState<string | null>(null);
  const [acking, setAcking] = useState<Alert | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const filter = {
    ...(kind ? { kind: [kind] } : {}),
    ...(subject ? { subject: [subject] } : {}),
    ...(read ? { read: read === 'true' } : {}),
    ...(acknowledged ? { acknowledged: acknowledged === 'true' } : {}),
  };
  const { data, error, reload } = useApi<Page>(ALERTS, { filter, after });
  const page = data?.alerts;
  const writable = can('update', 'CaseAlert');

  const run = async (mutation: typeof MARK, variables: Record<string, unknown>) => {
    setFailure(null);
    try {
      await apolloClient.mutate({ mutation, variables });
      alertsChanged();
      reload();
    } catch (e) {
      setFailure(toHttpError(e).message);
    }
  };
  const select = (label: string, value: string, set: (v: string) => void, options: [string, string][], testId: string) => (
    <TextField select size="small" fullWidth={false} label={label} value={value} onChange={(e) => { setAfter(null); set(e.target.value); }} sx={{ width: { xs: '100%', sm: 150 } }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
      <MenuItem value="">{t('all')}</MenuItem>
      {options.map(([v, text]) => (
        <MenuItem key={v} value={v}>{text}</MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ mt: 2 }} data-testid="alert-inbox">
      <Title title="gw.menu.alerts" />
      <OwnerAlerts />
      <Stack direction="row" sx={{ gap: 1.5, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        {select(t('kind'), kind, setKind, (['URGE', 'SUPERVISE', 'NOTICE'] as const).map((k) => [k, translate(`gw.enum.AlertKind.${k}`)]), 'alerts-kind')}
        {select(t('subject'), subject, setSubject, (['CASE', 'TASK', 'RECOMMENDATION'] as const).map((k) => [k, translate(`gw.enum.AlertSubject.${k}`)]), 'alerts-subject')}
        {select(t('read_state'), read, (v) => setRead(v as Choice), [['false', t('unread')], ['true', t('read')]], 'alerts-read')}
        {select(t('acknowledged_state'), acknowledged, (v) => setAcknowledged(v as Choice), [['false', t('not_acknowledged')], ['true', t('acknowledged')]], 'alerts-acknowledged')}
        {page && writable ? (
          <Button variant="outlined" size="small" disabled={!page.nodes.some((a) => !a.readAt)} onClick={() => run(MARK, { ids: page.nodes.filter((a) => !a.readAt).map((a) => a.id) })} data-testid="alerts-mark-all">
            {t('mark_all_read')}
          </Button>
        ) : null}
        {page ? <Typography variant="body2" color="text.secondary" data-testid="alerts-total">{t('total', { count: page.totalCount })}</Typography> : null}
      </Stack>
      {error || failure ? <Typography color="error">{translate((error ?? failure)!)}</Typography> : null}
      {page && !page.nodes.length ? <Typography color="text.secondary">{t('empty')}</Typography> : null}
      <Stack sx={{ gap: 1 }}>
        {page?.nodes.map((a) => {
          const link = subjectLink(a);
          return (
            <Card key={a.id} variant="outlined" data-testid="alert-row" data-read={a.readAt ? 'true' : 'false'} sx={a.readAt ? undefined : { borderLeft: 4, borderLeftColor: 'error.main' }}>
              <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
                <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' } }}>
                  <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flex: 1, minWidth: 0, flexWrap: 'wrap' }}>
                    <Chip size="small" color={KIND_COLOR[a.kind]} label={translate(`gw.enum.AlertKind.${a.kind}`)} data-testid="alert-kind" />
                    <Chip size="small" variant="outlined" label={translate(`gw.enum.AlertSubject.${a.subjectKind}`)} />
                    {a.deadline !== 'STEP' ? <Chip size="small" variant="outlined" label={translate(`gw.enum.AlertDeadline.${a.deadline}`)} data-testid="alert-deadline" /> : null}
                    {link ? (
                      <Typography component="a" href={link.href} variant="body2" sx={{ fontWeight: a.readAt ? 'normal' : 'bold', overflowWrap: 'anywhere' }}>
                        {link.text}
                      </Typography>
                    ) : null}
                    <Typography variant="body2" color="text.secondary">
                      {a.deadline === 'PARTNER' && a.leadDepartment ? `${a.leadDepartment.name} · ` : ''}
                      {a.unit?.name ?? ''}{a.unitLevel ? ` (${translate(`gw.enum.GridLevel.${a.unitLevel}`)})` : ''} · {t('due')} {formatShanghai(a.dueAt, locale)} · {t('raised')} {formatShanghai(a.at, locale)}
                    </Typography>
                  </Stack>
                  <Stack direction="row" sx={{ gap: 1, flexShrink: 0 }}>
                    {writable && !a.readAt ? (
                      <Button size="small" onClick={() => run(MARK, { ids: [a.id] })} data-testid="alert-mark-read">{t('mark_read')}</Button>
                    ) : null}
                    {writable && !a.acknowledgedAt ? (
                      <Button size="small" variant="contained" onClick={() => { setNote(''); setAcking(a); }} data-testid="alert-acknowledge">{t('acknowledge')}</Button>
                    ) : null}
                  </Stack>
                </Stack>
                {a.acknowledgedAt ? (
                  <Typography variant="body2" color="success.main" sx={{ mt: 0.5 }} data-testid="alert-acknowledged">
                    {t('acknowledged_by', { name: a.acknowledgedBy?.displayName ?? '—', at: formatShanghai(a.acknowledgedAt, locale) })}
                    {a.acknowledgementNote ? `：${a.acknowledgementNote}` : ''}
                  </Typography>
                ) : null}
              </CardContent>
            </Card>
          );
        })}
      </Stack>
      {page?.pageInfo.hasNextPage ? (
        <Button sx={{ mt: 1 }} onClick={() => setAfter(page.pageInfo.endCursor)} data-testid="alerts-more">{t('more')}</Button>
      ) : null}
      <Dialog open={!!acking} onClose={() => setAcking(null)} fullWidth maxWidth="sm">
        <DialogTitle>{t('acknowledge_title')}</DialogTitle>
        <DialogContent>
          <TextField fullWidth multiline minRows={2} sx={{ mt: 1 }} label={t('note')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'alert-note' } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAcking(null)}>{t('cancel')}</Button>
          <Button
            variant="contained"
            data-testid="alert-acknowledge-confirm"
            onClick={() => {
              const target = acking!;
              setAcking(null);
              void run(ACK, { input: { id: target.id, ...(note.trim() ? { note: note.trim() } : {}) } });
            }}
          >
            {t('confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
