import { gql } from '@apollo/client';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useTranslate } from 'react-admin';
import { useApi } from '../../common/useApi';

interface Overdue {
  daysOverdue: number;
  dueOn: string;
  inspectionFactor: number;
  lastInspectedOn: string | null;
  source: { id: string; name: string; supervisionLevel: string; grid: { name: string } | null };
}

const OVERDUE = gql`
  query InspectionOverdue {
    inspectionOverdue(first: 100) {
      totalCount
      nodes { daysOverdue dueOn inspectionFactor lastInspectedOn source { id name supervisionLevel grid { id name } } }
    }
  }
`;

/** Sources past their inspection date (frequency by level, raised in sensitive periods), most overdue first. */
export const InspectionOverduePage = () => {
  const translate = useTranslate();
  const { data, error } = useApi<{ inspectionOverdue: { totalCount: number; nodes: Overdue[] } }>(OVERDUE, {});
  const rows = data?.inspectionOverdue.nodes ?? [];
  return (
    <Card sx={{ mt: 2 }} data-testid="inspection-overdue">
      <Title title="gw.menu.inspection_overdue" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('gw.source.overdue_hint', { total: data?.inspectionOverdue.totalCount ?? 0 })}
        </Typography>
        {error ? <Typography color="error">{translate(error)}</Typography> : null}
        {data && !rows.length ? <Typography color="text.secondary">{translate('gw.empty')}</Typography> : null}
        {rows.length ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.sources.fields.name')}</TableCell>
                <TableCell>{translate('resources.sources.fields.supervisionLevel')}</TableCell>
                <TableCell>{translate('resources.sources.fields.grid')}</TableCell>
                <TableCell>{translate('gw.source.last_inspected')}</TableCell>
                <TableCell>{translate('gw.source.due_on')}</TableCell>
                <TableCell align="right">{translate('gw.source.days_overdue')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.source.id} data-testid="overdue-row">
                  <TableCell>
                    <Link to={`/sources/${encodeURIComponent(r.source.id)}/show/inspections`}>{r.source.name}</Link>
                  </TableCell>
                  <TableCell>{translate(`gw.enum.SupervisionLevel.${r.source.supervisionLevel}`)}</TableCell>
                  <TableCell>{r.source.grid?.name ?? '—'}</TableCell>
                  <TableCell>{r.lastInspectedOn ?? translate('gw.source.never')}</TableCell>
                  <TableCell>{r.dueOn}</TableCell>
                  <TableCell align="right">{r.daysOverdue}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
};
