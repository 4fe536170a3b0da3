import { EarlierMonthNote, useLatestMonth } from '../common/useLatestMonth';
import { gql } from '@apollo/client';
import { Box, Card, CardContent, CardHeader, LinearProgress, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { SimpleTable } from '../common/SimpleTable';
import { useApi } from '../common/useApi';

interface Coverage {
  month: string;
  unit: { name: string };
  gridCount: number;
  requiredPatrols: number;
  donePatrols: number;
  completionRate: number | null;
  plannedWorkers: number;
  gapCount: number;
  gaps: { grid: { id: string; name: string; code: string } | null; gridWorkers: number; officers: number }[];
  behindCount: number;
  workersBehind: { gridWorker: { id: string; name: string } | null; required: number; expected: number; done: number }[];
}

const COVERAGE = gql`
  query Coverage($month: String) {
    coverage(month: $month, first: 50) {
      month unit { id name } gridCount requiredPatrols donePatrols completionRate plannedWorkers
      gapCount gaps { grid { id name code } gridWorkers officers }
      behindCount workersBehind { gridWorker { id name } required expected done }
    }
  }
`;

const Figure = ({ label, value, testId }: { label: string; value: string | number; testId?: string }) => (
  <Box sx={{ minWidth: 140 }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h5" data-testid={testId}>
      {value}
    </Typography>
  </Box>
);

/** Patrol coverage of the month in the user's unit: completion, grids without staff (coverage gaps), grid workers behind. */
export const CoveragePage = () => {
  const translate = useTranslate();
  const latest = useLatestMonth('latestPatrolPlanMonth');
  const [chosen, setMonth] = useState<string | null>(null);
  // Until the user types one: the latest month with plans (this one when it has them).
  const month = chosen ?? latest ?? '';
  const { data, error } = useApi<{ coverage: Coverage }>(COVERAGE, latest === undefined && chosen === null ? null : { month: /^\d{4}-\d{2}$/.test(month) ? month : null });
  const c = data?.coverage;
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="coverage">
      <Title title="gw.menu.coverage" />
      <Card>
        <CardContent>
          <TextField size="small" label={translate('gw.coverage.month')} placeholder="2026-11" value={month} onChange={(e) => setMonth(e.target.value.trim())} helperText={translate('gw.coverage.month_hint')} />
          <EarlierMonthNote month={latest} shown={month} />
          {error ? <Typography color="error">{translate(error)}</Typography> : null}
          {c ? (
            <>
              <Typography variant="subtitle1" sx={{ mt: 1 }}>
                {c.unit.name} · {c.month}
              </Typography>
              <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', my: 1 }}>
                <Figure label={translate('gw.coverage.grids')} value={c.gridCount} />
                <Figure label={translate('gw.coverage.required')} value={c.requiredPatrols} />
                <Figure label={translate('gw.coverage.done')} value={c.donePatrols} />
                <Figure label={translate('gw.coverage.rate')} value={c.completionRate == null ? '—' : `${(c.completionRate * 100).toFixed(1)}%`} testId="coverage-rate" />
                <Figure label={translate('gw.coverage.gaps')} value={c.gapCount} testId="coverage-gap-count" />
                <Figure label={translate('gw.coverage.behind')} value={c.behindCount} />
              </Box>
              {c.completionRate != null ? <LinearProgress variant="determinate" value={Math.min(100, c.completionRate * 100)} /> : null}
            </>
          ) : null}
        </CardContent>
      </Card>
      {c ? (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <Card sx={{ flex: '1 1 420px' }}>
            <CardHeader title={translate('gw.coverage.gaps_title')} titleTypographyProps={{ variant: 'h6' }} />
            <CardContent>
              <SimpleTable
                rowTestId="coverage-gap"
                columns={[
                  { label: translate('resources.grids.fields.name') },
                  { label: translate('resources.grids.fields.code') },
                  { label: translate('resources.officers.name', { smart_count: 2 }), align: 'right' },
                  { label: translate('resources.gridWorkers.name', { smart_count: 2 }), align: 'right' },
                ]}
                rows={c.gaps.map((g, i) => ({ key: g.grid?.id ?? String(i), cells: [g.grid?.name ?? '—', g.grid?.code ?? '', g.officers, g.gridWorkers] }))}
              />
            </CardContent>
          </Card>
          <Card sx={{ flex: '1 1 420px' }}>
            <CardHeader title={translate('gw.coverage.behind_title')} titleTypographyProps={{ variant: 'h6' }} />
            <CardContent>
              <SimpleTable
                rowTestId="coverage-behind"
                columns={[
                  { label: translate('resources.gridWorkers.fields.name') },
                  { label: translate('gw.coverage.required'), align: 'right' },
                  { label: translate('gw.coverage.expected'), align: 'right' },
                  { label: translate('gw.coverage.done'), align: 'right' },
                ]}
                rows={c.workersBehind.map((w, i) => ({ key: w.gridWorker?.id ?? String(i), cells: [w.gridWorker?.name ?? '—', w.required, w.expected, w.done] }))}
              />
            </CardContent>
          </Card>
        </Box>
      ) : null}
    </Box>
  );
};
