import { gql } from '@apollo/client';
import { Box, Button, Card, CardContent, GlobalStyles, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useLocale, useTranslate } from 'react-admin';
import { now, shanghaiToday } from '../common/clock';
import { formatShanghai } from '../common/fields';
import { useApi } from '../common/useApi';

interface Row {
  caseId: string;
  caseNumber: string;
  unitName: string | null;
  step: string | null;
  dueAt: string;
  daysLate: number;
  leadDepartment: string | null;
  stillOpen: boolean;
}
interface Notice {
  lateCaseNotice: { unitId: string; unitName: string; from: string; to: string; generatedAt: string; rows: Row[] };
}

const NOTICE = gql`
  query LateCaseNotice($from: DateTimeISO!, $to: DateTimeISO!) {
    lateCaseNotice(from: $from, to: $to) {
      unitId unitName from to generatedAt
      rows { caseId caseNumber unitName step dueAt daysLate leadDepartment stillOpen }
    }
  }
`;

/** A phone's date field takes the row; a date input's own width would push the page sideways. */
const DATE_FIELD = { width: { xs: '100%', sm: 200 }, '& input': { minWidth: 0 } };

/** Columns a phone leaves out (paper and wider screens show them). */
const NARROW_HIDDEN = { display: { xs: 'none', sm: 'table-cell' }, '@media print': { display: 'table-cell' } };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A Beijing day's start as an instant; `next` for the day after (the period's end is exclusive). */
const dayStart = (day: string, next = false): string => new Date(Date.parse(`${day}T00:00:00+08:00`) + (next ? 86_400_000 : 0)).toISOString();

function firstOfMonth(): string {
  return `${shanghaiToday(now()).slice(0, 7)}-01`;
}

// On paper: only the notice (no app bar, menu or controls).
const PRINT = {
  '@media print': {
    'header, .RaSidebar-root, .MuiDrawer-root, .no-print, [data-testid="calendar-banner"]': { display: 'none !important' },
    '.RaLayout-content, .RaLayout-contentWithSidebar, main': { padding: '0 !important', margin: '0 !important' },
    '.late-case-notice .MuiCard-root': { boxShadow: 'none', border: 'none' },
    '.late-case-notice .MuiBox-root': { overflow: 'visible !important' },
    '.late-case-notice td, .late-case-notice th': { padding: '2px 4px', fontSize: '10pt' },
  },
};

/** 超时案件通报: the case deadlines missed in a period within the user's unit, per handling unit; printable and as PDF. */
export const LateCaseNoticePage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const identity = useGetIdentity().data;
  const t = (key: string, options?: Record<string, unknown>) => translate(`gw.notice.${key}`, options);
  const [from, setFrom] = useState(firstOfMonth);
  const [to, setTo] = useState(() => shanghaiToday(now()));
  const valid = DAY.test(from) && DAY.test(to) && from <= to;
  const variables = valid ? { from: dayStart(from), to: dayStart(to, true) } : null;
  const { data, error } = useApi<Notice>(NOTICE, identity ? variables : null);
  const notice = data?.lateCaseNotice;
  const perUnit = new Map<string, number>();
  for (const r of notice?.rows ?? []) perUnit.set(r.unitName ?? '—', (perUnit.get(r.unitName ?? '—') ?? 0) + 1);
  const pdf = notice && variables ? `/notice/late-cases.pdf?from=${encodeURIComponent(variables.from)}&to=${encodeURIComponent(variables.to)}&unit=${encodeURIComponent(notice.unitId)}` : null;

  return (
    <Box sx={{ mt: 2, minWidth: 0, maxWidth: '100%' }} className="late-case-notice" data-testid="late-case-notice">
      <GlobalStyles styles={PRINT} />
      <Title title="gw.menu.late_case_notice" />
      <Stack direction="row" className="no-print" sx={{ gap: 2, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" type="date" fullWidth={false} sx={DATE_FIELD} label={t('from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'notice-from' } }} />
        <TextField size="small" type="date" fullWidth={false} sx={DATE_FIELD} label={t('to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'notice-to' } }} />
        <Button variant="outlined" onClick={() => window.print()} disabled={!notice}>{t('print')}</Button>
        {pdf ? <Button variant="outlined" href={pdf} data-testid="notice-pdf">{t('download')}</Button> : null}
      </Stack>
      {error ? <Typography color="error">{translate(error)}</Typography> : null}
      {notice ? (
        <Card>
          <CardContent>
            <Typography variant="h6" align="center" data-testid="notice-title">{t('title', { unit: notice.unitName })}</Typography>
            <Typography variant="body2" align="center" color="text.secondary" sx={{ mb: 1 }}>
              {from} — {to} · {t('count', { count: notice.rows.length })}
            </Typography>
            {notice.rows.length ? (
              <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
                <Table size="small" data-testid="notice-table">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('unit')}</TableCell>
                      <TableCell>{t('number')}</TableCell>
                      <TableCell sx={NARROW_HIDDEN}>{t('step')}</TableCell>
                      <TableCell>{t('due')}</TableCell>
                      <TableCell align="right">{t('days_late')}</TableCell>
                      <TableCell sx={NARROW_HIDDEN}>{t('lead')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {notice.rows.map((r) => (
                      <TableRow key={`${r.caseId}-${r.dueAt}`} data-testid="notice-row">
                        <TableCell>{r.unitName ?? '—'}</TableCell>
                        <TableCell sx={{ whiteSpace: { sm: 'nowrap' }, overflowWrap: 'anywhere' }}><a href={`#/cases/${encodeURIComponent(r.caseId)}/show`}>{r.caseNumber}</a></TableCell>
                        <TableCell sx={NARROW_HIDDEN}>{r.step ? translate(`gw.enum.CaseStatus.${r.step}`) : '—'}</TableCell>
                        <TableCell>{formatShanghai(r.dueAt, locale)}</TableCell>
                        <TableCell align="right">{r.daysLate}{r.stillOpen ? ` (${t('still_open')})` : ''}</TableCell>
                        <TableCell sx={NARROW_HIDDEN}>{r.leadDepartment ?? '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            ) : (
              <Typography color="text.secondary">{t('empty')}</Typography>
            )}
            <Stack sx={{ mt: 2 }} data-testid="notice-per-unit">
              {[...perUnit].map(([unit, count]) => (
                <Typography key={unit} variant="body2">{t('per_unit', { unit, count })}</Typography>
              ))}
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>{t('definition')}</Typography>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};
