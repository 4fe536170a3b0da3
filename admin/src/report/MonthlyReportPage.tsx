import { gql } from '@apollo/client';
import { Box, Button, Card, CardContent, GlobalStyles, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { now, shanghaiMonth } from '../common/clock';
import { useApi } from '../common/useApi';

interface Count {
  key: string;
  label: string;
  count: number;
}
type Figures = Record<(typeof COLUMNS)[number][0], number | null>;
interface Row extends Figures {
  unitName: string;
  total: boolean;
  byCategory: Count[];
  byOrigin: Count[];
  byStatus: Count[];
}
interface Report {
  monthlyReport: { month: string; complete: boolean; unit: { id: string; name: string }; rows: Row[] };
}

/** Columns of the summary table: field and message key (gw.report.<key>); rates are percentages. */
const COLUMNS = [
  ['reported', 'reported'],
  ['due', 'due'],
  ['closed', 'closed'],
  ['closedOnTime', 'closed_on_time'],
  ['onTimeRate', 'on_time_rate'],
  ['patrolsRequired', 'patrols_required'],
  ['patrolsDone', 'patrols_done'],
  ['patrolRate', 'patrol_rate'],
  ['inspections', 'inspections'],
  ['inspectionsProblem', 'inspections_problem'],
  ['keySources', 'key_sources'],
  ['keySourcesInspected', 'key_sources_inspected'],
  ['keySourceCoverage', 'key_source_coverage'],
  ['spotChecks', 'spot_checks'],
  ['spotChecksCompliant', 'spot_checks_compliant'],
  ['spotChecksProblem', 'spot_checks_problem'],
] as const;
const RATES = new Set(['onTimeRate', 'patrolRate', 'keySourceCoverage']);

const REPORT = gql`
  query MonthlyReport($month: String!) {
    monthlyReport(month: $month) {
      month complete unit { id name }
      rows { unitName total ${COLUMNS.map(([field]) => field).join(' ')} byCategory { key label count } byOrigin { key label count } byStatus { key label count } }
    }
  }
`;

/** Last month in Beijing time: the report most often asked for. */
function lastMonth(): string {
  const [y, m] = shanghaiMonth(now()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// On paper: only the report (no app bar, menu or controls), tables unclipped.
const PRINT = {
  '@media print': {
    'header, .RaSidebar-root, .MuiDrawer-root, .no-print, [data-testid="calendar-banner"]': { display: 'none !important' },
    '.RaLayout-content, .RaLayout-contentWithSidebar, main': { padding: '0 !important', margin: '0 !important' },
    '.monthly-report .MuiCard-root': { boxShadow: 'none' },
    '.monthly-report .MuiBox-root': { overflow: 'visible !important' },
    '.monthly-report td, .monthly-report th': { padding: '2px 4px', fontSize: '10pt' },
  },
};

/** 月度统计报表: the city's (with its counties) or a county's month; printable and as XLSX. */
export const MonthlyReportPage = () => {
  const translate = useTranslate();
  const identity = useGetIdentity().data as Identity | undefined;
  const [month, setMonth] = useState(lastMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const { data, error } = useApi<Report>(REPORT, identity && valid ? { month } : null);
  const report = data?.monthlyReport;
  const t = (key: string, options?: Record<string, unknown>) => translate(`gw.report.${key}`, options);
  const cell = (field: string, value: number | null) => (value == null ? '—' : RATES.has(field) ? `${value.toFixed(2)}%` : value);
  const total = report?.rows[0];

  return (
    <Box sx={{ mt: 2 }} className="monthly-report" data-testid="monthly-report">
      <GlobalStyles styles={PRINT} />
      <Title title="gw.menu.monthly_report" />
      <Stack direction="row" className="no-print" sx={{ gap: 2, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" label={t('month')} value={month} onChange={(e) => setMonth(e.target.value.trim())} helperText={t('month_hint')} slotProps={{ htmlInput: { 'data-testid': 'report-month' } }} />
        <Button variant="outlined" onClick={() => window.print()} disabled={!report}>
          {t('print')}
        </Button>
        {report ? (
          <Button variant="outlined" href={`/report/monthly.xlsx?month=${report.month}&unit=${encodeURIComponent(report.unit.id)}`} data-testid="report-xlsx">
            {t('download')}
          </Button>
        ) : null}
      </Stack>
      {error ? <Typography color="error">{translate(error)}</Typography> : null}
      {report && total ? (
        <Card>
          <CardContent>
            <Typography variant="h6" data-testid="report-title">{t('title', { unit: report.unit.name, month: report.month })}</Typography>
            {report.complete ? null : <Typography color="warning.main">{t('incomplete')}</Typography>}
            <Box sx={{ overflowX: 'auto', mt: 1 }}>
              <Table size="small" data-testid="report-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('unit')}</TableCell>
                    {COLUMNS.map(([field, key]) => (
                      <TableCell key={field} align="right">{t(key)}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.rows.map((r) => (
                    <TableRow key={r.unitName} data-testid="report-row" sx={r.total ? { '& td': { fontWeight: 'bold' } } : undefined}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.unitName}</TableCell>
                      {COLUMNS.map(([field]) => (
                        <TableCell key={field} align="right">{cell(field, r[field])}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
            <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, mt: 2, alignItems: 'flex-start' }}>
              {(['by_category', 'by_origin', 'by_status'] as const).map((key) => {
                const counts = key === 'by_category' ? total.byCategory : key === 'by_origin' ? total.byOrigin : total.byStatus;
                return (
                  <Table key={key} size="small" sx={{ maxWidth: 360 }} data-testid={`report-${key}`}>
                    <TableHead>
                      <TableRow>
                        <TableCell>{t(key)}</TableCell>
                        <TableCell align="right">{t('count')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {counts.map((c) => (
                        <TableRow key={c.key}>
                          <TableCell>{key === 'by_category' ? c.label : translate(`gw.enum.${key === 'by_origin' ? 'CaseOrigin' : 'CaseStatus'}.${c.key}`, { _: c.label })}</TableCell>
                          <TableCell align="right">{c.count}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                );
              })}
            </Stack>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>{t('definition')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>{t('definition_text')}</Typography>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};
