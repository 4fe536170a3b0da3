import { gql } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogContent, DialogTitle, Link as MuiLink, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router';
import { Title, useGetIdentity, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { can } from '../auth/authProvider';
import { toHttpError, type ApiErrorBody } from '../data/errors';
import type { Identity } from '../auth/authProvider';
import { shanghaiMonth } from '../common/clock';
import { EarlierMonthNote, useLatestMonth } from '../common/useLatestMonth';
import { enumChoices } from '../common/enums';
import { ExportLinks } from '../common/ExportButtons';
import { useApi } from '../common/useApi';

interface Indicator {
  code: string;
  name: string;
  unit: 'PERCENT' | 'COUNT' | 'POINTS';
  sampleMeasure: string | null;
  minSample: number | null;
}
interface Row {
  subjectId: string;
  subjectName: string;
  rank: number | null;
  unrankedReason: 'NO_VALUE' | 'SAMPLE_TOO_SMALL' | null;
  values: { code: string; value: number | null }[];
  measures: { code: string; value: number }[];
}
interface Table {
  assessment: { period: string; rankBy: string; publishedId: string | null; publishedAt: string | null; indicators: Indicator[]; rows: Row[] };
}
interface DrillDown {
  assessmentDrillDown: { measure: string; caseCount: number; cases: { id: string; number: string; status: string }[] };
}

const TABLE = gql`
  query Assessment($input: AssessmentInput!) {
    assessment(input: $input) {
      period rankBy publishedId publishedAt
      indicators { id code name unit sampleMeasure minSample }
      rows { subjectId subjectName rank unrankedReason values { code value } measures { code value } }
    }
  }
`;
const PUBLISH = gql`
  mutation PublishAssessment($input: AssessmentInput!) {
    publishAssessment(input: $input) { id }
  }
`;
const DRILL = gql`
  query DrillDown($input: AssessmentDrillDownInput!) {
    assessmentDrillDown(input: $input) { measure caseCount cases(first: 50) { id number status } }
  }
`;

/** Whom each administration assesses by default: the level below it. */
const DEFAULT_SUBJECT: Record<string, string> = { CITY: 'COUNTY', COUNTY: 'TOWNSHIP', TOWNSHIP: 'GRID_WORKER' };

const format = (value: number | null, unit: Indicator['unit']) => (value == null ? '—' : unit === 'PERCENT' ? `${value.toFixed(2)}%` : String(Math.round(value * 100) / 100));

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** KPI tables (绩效考核): ranked subjects with indicator values; each base measure drills down to its cases. */
export const AssessmentPage = () => {
  const translate = useTranslate();
  const { data: identityData } = useGetIdentity();
  const identity = identityData as Identity | undefined;
  const latest = useLatestMonth('latestCaseMonth');
  const [chosen, setPeriod] = useState<string | null>(null);
  // Until the user picks one: this month, or the latest with cases when this one has none yet.
  const period = chosen ?? latest ?? shanghaiMonth();
  const [subjectType, setSubjectType] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ subjectId: string; subjectName: string; measure: string } | null>(null);
  const subject = subjectType ?? (identity ? (DEFAULT_SUBJECT[identity.unitLevel] ?? 'GRID_WORKER') : null);
  const input = identity && subject && /^\d{4}(-\d{2}|-Q[1-4])?$/.test(period) ? { unitId: identity.unitId, period, subjectType: subject } : null;
  const { data, error, reload } = useApi<Table>(TABLE, input ? { input } : null);
  const notify = useNotify();
  // Only a period that has ended is published (the API refuses others, naming the period).
  const publish = async () => {
    try {
      await apolloClient.mutate({ mutation: PUBLISH, variables: { input } });
      notify('gw.assessment.publish_done', { type: 'success' });
      reload();
    } catch (e) {
      const failure = toHttpError(e);
      notify((failure.body as ApiErrorBody | undefined)?.fields?.some((f) => f.field === 'period') ? 'gw.assessment.not_ended' : failure.message, { type: 'error' });
    }
  };
  const drilled = useApi<DrillDown>(DRILL, drill && input ? { input: { ...input, subjectId: drill.subjectId, measure: drill.measure } } : null);
  const table = data?.assessment;
  const measureCodes = table?.rows[0]?.measures.map((m) => m.code) ?? [];
  const measureName = (code: string) => translate(`gw.measure.${code}`, { _: code });
  // Chinese shows the server's name (an administrator may have renamed it); English the pack's, by code.
  const [locale] = useLocaleState();
  const indicatorName = (i: Indicator) => (locale === 'zh' ? i.name : translate(`gw.indicatorName.${i.code}`, { _: i.name }));
  const rankedBy = table?.indicators.find((i) => i.code === table.rankBy);
  const sampleRule = rankedBy?.sampleMeasure && rankedBy.minSample ? translate('gw.assessment.sample_rule', { measure: measureName(rankedBy.sampleMeasure), min: rankedBy.minSample }) : '';

  return (
    <Card sx={{ mt: 2 }} data-testid="assessment">
      <Title title="gw.menu.assessment" />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
          <TextField size="small" label={translate('gw.assessment.period')} value={period} onChange={(e) => setPeriod(e.target.value.trim())} helperText={translate('gw.assessment.period_hint')} slotProps={{ htmlInput: { 'data-testid': 'assessment-period' } }} />
          <TextField select size="small" label={translate('gw.assessment.subject')} value={subject ?? ''} onChange={(e) => setSubjectType(e.target.value)} sx={{ minWidth: 160 }} data-testid="assessment-subject">
            {enumChoices('AssessmentSubjectType').map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          <EarlierMonthNote month={latest} shown={period} />
          {input ? <ExportLinks name="assessment" filter={input} scopeKeys={['period', 'subjectType']} /> : null}
        </Box>
        {error ? <Typography color="error">{translate(error)}</Typography> : null}
        {table ? (
          <Alert severity={table.publishedId ? 'success' : 'info'} sx={{ mb: 2 }} data-testid="assessment-state" data-published={table.publishedId ? 'true' : 'false'}>
            {table.publishedId && table.publishedAt ? translate('gw.assessment.published', { at: when(table.publishedAt) }) : translate('gw.assessment.live')}
            {!table.publishedId && can('create', 'Assessment') ? (
              <Button size="small" sx={{ ml: 1 }} onClick={() => void publish()} data-testid="assessment-publish">
                {translate('gw.assessment.publish')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {table && !table.rows.length ? <Typography color="text.secondary">{translate('gw.empty')}</Typography> : null}
        {/* Width 0 then 100 %: the wide table scrolls in its box instead of widening the page on a phone. */}
        {table?.rows.length ? (
          <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>
            <Table size="small" data-testid="assessment-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('gw.dashboard.rank')}</TableCell>
                  <TableCell>{translate('gw.assessment.subject_name')}</TableCell>
                  {table.indicators.map((i) => (
                    <TableCell key={i.code} align="right" sx={{ fontWeight: i.code === table.rankBy ? 'bold' : undefined }}>
                      {indicatorName(i)}
                    </TableCell>
                  ))}
                  {measureCodes.map((code) => (
                    <TableCell key={code} align="right" sx={{ color: 'text.secondary' }}>
                      {measureName(code)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {table.rows.map((r) => (
                  <TableRow key={r.subjectId} data-testid="assessment-row">
                    <TableCell data-testid="assessment-rank" sx={{ whiteSpace: 'nowrap' }}>
                      {r.rank ?? (r.unrankedReason === 'SAMPLE_TOO_SMALL' ? (
                        <Tooltip title={sampleRule}>
                          <Typography variant="body2" color="text.secondary" component="span">
                            {translate('gw.assessment.sample_too_small')}
                          </Typography>
                        </Tooltip>
                      ) : '—')}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.subjectName}</TableCell>
                    {table.indicators.map((i) => (
                      <TableCell key={i.code} align="right">
                        {format(r.values.find((v) => v.code === i.code)?.value ?? null, i.unit)}
                      </TableCell>
                    ))}
                    {r.measures.map((m) => (
                      <TableCell key={m.code} align="right">
                        {m.value > 0 ? (
                          <MuiLink component="button" data-testid={`drill-${m.code}`} onClick={() => setDrill({ subjectId: r.subjectId, subjectName: r.subjectName, measure: m.code })}>
                            {m.value}
                          </MuiLink>
                        ) : (
                          0
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ) : null}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('gw.assessment.drill_hint')}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="assessment-rank-rule">
          {translate('gw.assessment.rank_rule')} {sampleRule}
        </Typography>
      </CardContent>
      <Dialog open={drill !== null} onClose={() => setDrill(null)} fullWidth maxWidth="sm">
        <DialogTitle>
          {drill ? `${drill.subjectName} · ${measureName(drill.measure)}` : ''}
        </DialogTitle>
        <DialogContent data-testid="drill-down">
          {drilled.data ? (
            <>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('gw.assessment.case_count', { count: drilled.data.assessmentDrillDown.caseCount })}
              </Typography>
              <Table size="small">
                <TableBody>
                  {drilled.data.assessmentDrillDown.cases.map((c) => (
                    <TableRow key={c.id} data-testid="drill-case">
                      <TableCell>
                        <Link to={`/cases/${encodeURIComponent(c.id)}/show`}>{c.number}</Link>
                      </TableCell>
                      <TableCell>{translate(`gw.enum.CaseStatus.${c.status}`)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          ) : drilled.error ? (
            <Typography color="error">{translate(drilled.error)}</Typography>
          ) : (
            <Typography>{translate('gw.dashboard.loading')}</Typography>
          )}
        </DialogContent>
      </Dialog>
    </Card>
  );
};
