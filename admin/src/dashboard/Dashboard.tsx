import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useGetIdentity, useTranslate, type RaRecord } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { apolloClient } from '../apollo';
import type { Identity } from '../auth/authProvider';
import { categoryKey, enumChoices } from '../common/enums';
import { childUnits, countCases, countSources, type Bucket } from './counts';

interface Figures {
  byStatus: { name: string; count: number }[];
  byCategory: { name: string; count: number }[];
  byUnit: { name: string; count: number }[];
  total: number;
  open: number;
  sources: number;
}

const OPEN = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'FED_BACK', 'PARKED'];

const Chart = ({ title, data, testId, vertical = false }: { title: string; data: { name: string; count: number }[]; testId: string; vertical?: boolean }) => (
  <Card sx={{ flex: '1 1 420px' }} data-testid={testId}>
    <CardHeader title={title} />
    <CardContent sx={{ height: vertical ? Math.max(260, data.length * 26) : 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        {vertical ? (
          <BarChart data={data} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={120} interval={0} />
            <Tooltip />
            <Bar dataKey="count" fill="#2e7d32" isAnimationActive={false} />
          </BarChart>
        ) : (
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={70} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" fill="#1565c0" isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
      <Box component="ul" sx={{ display: 'none' }} data-testid={`${testId}-labels`}>
        {data.map((d) => (
          <li key={d.name}>
            {d.name}: {d.count}
          </li>
        ))}
      </Box>
    </CardContent>
  </Card>
);

const Figure = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <Card sx={{ flex: '1 1 180px' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" data-testid={testId}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

/** Counts by status, category and sub-unit, all in the account's scope. */
const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { data } = useGetIdentity();
  const identity = data as Identity | undefined;
  const [figures, setFigures] = useState<Figures | null>(null);

  useEffect(() => {
    if (!identity) return;
    let live = true;
    (async () => {
      const statuses = enumChoices('CaseStatus').map((c) => c.id);
      const categories = (await dataProvider.getList<RaRecord>('caseCategories', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).data;
      const units = identity.unitLevel === 'VILLAGE' ? [] : await childUnits(apolloClient, identity.unitId);
      const buckets: Bucket[] = [
        { key: 'all', label: '', filter: {} },
        { key: 'open', label: '', filter: { status: OPEN } },
        ...statuses.map((s) => ({ key: `s:${s}`, label: translate(`gw.enum.CaseStatus.${s}`), filter: { status: [s] } })),
        ...categories.map((c) => ({ key: `c:${String(c.id)}`, label: translate(categoryKey(String(c.code)), { _: String(c.name) }), filter: { categoryId: c.id } })),
        ...units.map((u) => ({ key: `u:${u.id}`, label: u.name, filter: { withinId: u.id } })),
      ];
      const [counts, sources] = await Promise.all([countCases(apolloClient, buckets), countSources(apolloClient)]);
      const series = (prefix: string) => buckets.filter((b) => b.key.startsWith(prefix)).map((b) => ({ name: b.label, count: counts[b.key] }));
      if (live) {
        setFigures({
          byStatus: series('s:'),
          byCategory: series('c:').filter((c) => c.count > 0),
          byUnit: series('u:'),
          total: counts.all,
          open: counts.open,
          sources,
        });
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [identity, dataProvider, translate]);

  return (
    <Box sx={{ p: 2 }} data-testid="dashboard">
      <Title title="gw.dashboard.title" />
      {identity ? <Typography variant="subtitle1">{translate('gw.dashboard.scope', { unit: identity.unitName })}</Typography> : null}
      {!figures ? (
        <Typography>{translate('gw.dashboard.loading')}</Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
          <Figure label={translate('gw.dashboard.cases_total')} value={figures.total} testId="figure-cases" />
          <Figure label={translate('gw.dashboard.open_cases')} value={figures.open} testId="figure-open" />
          <Figure label={translate('gw.dashboard.sources_total')} value={figures.sources} testId="figure-sources" />
          <Box sx={{ flexBasis: '100%' }} />
          <Chart title={translate('gw.dashboard.by_status')} data={figures.byStatus} testId="chart-status" />
          {figures.byUnit.length ? <Chart title={translate(identity?.unitLevel === 'CITY' ? 'gw.dashboard.by_county' : 'gw.dashboard.by_unit')} data={figures.byUnit} testId="chart-units" /> : null}
          <Chart title={translate('gw.dashboard.by_category')} data={figures.byCategory} testId="chart-category" vertical />
        </Box>
      )}
    </Box>
  );
};

export default Dashboard;
