import { Box, Card, CardContent, CardHeader, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRedirect, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UnitRow } from './statistics';

export interface Datum {
  name: string;
  count: number;
  /** The list behind the bar (a click opens it), e.g. the cases of that status. */
  to?: string;
}

/** A list's URL with react-admin's filter (what a click on a figure or a bar opens). */
export const listOf = (resource: string, filter: Record<string, unknown> = {}) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Axis labels stay on one line: long names are cut with an ellipsis; the tooltip gives the whole name. */
const shortLabel = (max: number) => (value: string) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** A hidden list of "name: value" beside each chart: what the browser tests (and screen readers) read. */
const Labels = ({ testId, data }: { testId: string; data: Datum[] }) => (
  <Box component="ul" sx={{ display: 'none' }} data-testid={`${testId}-labels`}>
    {data.map((d) => (
      <li key={d.name}>
        {d.name}: {d.count}
      </li>
    ))}
  </Box>
);

export const ChartCard = ({ title, testId, height = 300, children, action }: { title: string; testId: string; height?: number; children: ReactNode; action?: ReactNode }) => (
  <Card sx={{ flex: '1 1 420px', minWidth: 0 }} data-testid={testId}>
    <CardHeader title={title} action={action} titleTypographyProps={{ variant: 'h6' }} />
    <CardContent sx={{ height }}>{children}</CardContent>
  </Card>
);

export const BarCard = ({ title, data, testId, color = '#1565c0', vertical = false }: { title: string; data: Datum[]; testId: string; color?: string; vertical?: boolean }) => {
  const redirect = useRedirect();
  const open = (entry: { payload?: Datum }) => {
    if (entry.payload?.to) redirect(entry.payload.to);
  };
  return (
  <ChartCard title={title} testId={testId} height={vertical ? Math.max(260, data.length * 26) : 300}>
    <ResponsiveContainer width="100%" height="100%">
      {vertical ? (
        <BarChart data={data} layout="vertical" margin={{ left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={120} interval={0} tickFormatter={shortLabel(8)} />
          <Tooltip />
          <Bar dataKey="count" fill={color} isAnimationActive={false} cursor="pointer" onClick={open} />
        </BarChart>
      ) : (
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={70} tickFormatter={shortLabel(6)} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" fill={color} isAnimationActive={false} cursor="pointer" onClick={open} />
        </BarChart>
      )}
    </ResponsiveContainer>
    <Labels testId={testId} data={data} />
  </ChartCard>
  );
};

const shortDate = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' });

/** Reported and closed per period, two lines. */
export const TrendCard = ({ title, data, action }: { title: string; data: { period: string; count: number; closed: number }[]; action: ReactNode }) => {
  const translate = useTranslate();
  const rows = data.map((d) => ({ name: shortDate.format(new Date(d.period)), reported: d.count, closed: d.closed }));
  return (
    <ChartCard title={title} testId="chart-trend" action={action}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Line type="linear" dataKey="reported" name={translate('gw.dashboard.reported')} stroke="#1565c0" dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="closed" name={translate('gw.dashboard.closed')} stroke="#2e7d32" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <Labels testId="chart-trend" data={rows.map((r) => ({ name: r.name, count: r.reported }))} />
    </ChartCard>
  );
};

/** The units ranked by share of cases closed (ties: fewer overdue, then more cases). */
export const RankingCard = ({ title, rows }: { title: string; rows: (UnitRow & { rate: number })[] }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: '1 1 420px', minWidth: 0 }} data-testid="ranking">
      <CardHeader title={title} titleTypographyProps={{ variant: 'h6' }} />
      <CardContent>
        {rows.length === 0 ? (
          <Typography color="text.secondary">{translate('gw.empty')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('gw.dashboard.rank')}</TableCell>
                <TableCell>{translate('gw.dashboard.unit')}</TableCell>
                <TableCell align="right">{translate('gw.dashboard.cases_total')}</TableCell>
                <TableCell align="right">{translate('gw.dashboard.closed')}</TableCell>
                <TableCell align="right">{translate('gw.dashboard.rate')}</TableCell>
                <TableCell align="right">{translate('gw.dashboard.overdue')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={r.id} data-testid="ranking-row">
                  <TableCell>{i + 1}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell align="right">{r.count}</TableCell>
                  <TableCell align="right">{r.closed}</TableCell>
                  <TableCell align="right">{(r.rate * 100).toFixed(1)}%</TableCell>
                  <TableCell align="right">{r.overdue}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
