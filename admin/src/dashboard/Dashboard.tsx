import { Box, Card, CardActionArea, CardContent, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import type { Identity } from '../auth/authProvider';
import { categoryKey } from '../common/enums';
import { OPEN_STATUSES } from '../resources/cases/openStatuses';
import { BarCard, listOf, RankingCard, TrendCard } from './charts';
import { loadDashboard, ranking, type DashboardData, type TrendUnit } from './statistics';

/** A headline figure; a click opens the list it counts. */
const Figure = ({ label, value, testId, to }: { label: string; value: number; testId: string; to: string }) => {
  const redirect = useRedirect();
  return (
  <Card sx={{ flex: '1 1 160px' }}>
    <CardActionArea onClick={() => redirect(to)} data-testid={`${testId}-open`}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" data-testid={testId}>
        {value}
      </Typography>
    </CardContent>
    </CardActionArea>
  </Card>
  );
};

/** Counts by status, category and sub-unit, overdue by unit, a trend and a ranking: all in the account's scope. */
const Dashboard = () => {
  const translate = useTranslate();
  const { data } = useGetIdentity();
  const identity = data as Identity | undefined;
  const [trendUnit, setTrendUnit] = useState<TrendUnit>('DAY');
  const [figures, setFigures] = useState<DashboardData | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!identity) return;
    let live = true;
    loadDashboard(apolloClient, { id: identity.unitId, level: identity.unitLevel }, trendUnit)
      .then((loaded) => live && setFigures(loaded))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [identity, trendUnit]);

  const sum = (key: 'count' | 'overdue', statuses?: string[]) =>
    (figures?.byStatus ?? []).filter((r) => !statuses || statuses.includes(r.status)).reduce((s, r) => s + r[key], 0);
  const unitTitle = identity?.unitLevel === 'CITY' ? 'county' : 'unit';

  return (
    <Box sx={{ p: 2 }} data-testid="dashboard">
      <Title title="gw.dashboard.title" />
      {identity ? <Typography variant="subtitle1">{translate('gw.dashboard.scope', { unit: identity.unitName })}</Typography> : null}
      {failed ? (
        <Typography color="error">{translate('gw.errors.INTERNAL_SERVER_ERROR')}</Typography>
      ) : !figures ? (
        <Typography>{translate('gw.dashboard.loading')}</Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
          <Figure label={translate('gw.dashboard.cases_total')} value={sum('count')} testId="figure-cases" to={listOf('cases')} />
          <Figure label={translate('gw.dashboard.open_cases')} value={sum('count', OPEN_STATUSES)} testId="figure-open" to={listOf('cases', { open: true })} />
          <Figure label={translate('gw.dashboard.overdue_cases')} value={sum('overdue')} testId="figure-overdue" to={listOf('cases', { due: 'OVERDUE' })} />
          <Figure label={translate('gw.dashboard.sources_total')} value={figures.sources} testId="figure-sources" to={listOf('sources')} />
          <Box sx={{ flexBasis: '100%' }} />
          <TrendCard
            title={translate(`gw.dashboard.trend_${trendUnit}`)}
            data={figures.trend}
            action={
              <ToggleButtonGroup size="small" exclusive value={trendUnit} onChange={(_, v: TrendUnit | null) => v && setTrendUnit(v)}>
                <ToggleButton value="DAY">{translate('gw.dashboard.by_day')}</ToggleButton>
                <ToggleButton value="WEEK">{translate('gw.dashboard.by_week')}</ToggleButton>
              </ToggleButtonGroup>
            }
          />
          <BarCard
            title={translate('gw.dashboard.by_status')}
            data={figures.byStatus.map((r) => ({ name: translate(`gw.enum.CaseStatus.${r.status}`), count: r.count, to: listOf('cases', { status: r.status }) }))}
            testId="chart-status"
          />
          {figures.byUnit.length ? (
            <>
              <BarCard title={translate(`gw.dashboard.by_${unitTitle}`)} data={figures.byUnit.map((u) => ({ ...u, to: listOf('cases', { withinId: u.id }) }))} testId="chart-units" />
              <BarCard
                title={translate(`gw.dashboard.overdue_by_${unitTitle}`)}
                data={figures.byUnit.map((u) => ({ name: u.name, count: u.overdue, to: listOf('cases', { withinId: u.id, due: 'OVERDUE' }) }))}
                testId="chart-overdue"
                color="#c62828"
              />
              <RankingCard title={translate('gw.dashboard.ranking')} rows={ranking(figures.byUnit)} />
            </>
          ) : null}
          <BarCard
            title={translate('gw.dashboard.by_category')}
            data={figures.byCategory.map((r) => ({ name: translate(categoryKey(r.category.code), { _: r.category.name }), count: r.count, to: listOf('cases', { categoryId: r.category.id }) }))}
            testId="chart-category"
            color="#2e7d32"
            vertical
          />
        </Box>
      )}
    </Box>
  );
};

export default Dashboard;
