import { gql } from '@apollo/client';
import { Card, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useTranslate } from 'react-admin';
import { SimpleTable } from '../../common/SimpleTable';
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
        {data ? (
          <SimpleTable
            rowTestId="overdue-row"
            columns={[
              { label: translate('resources.sources.fields.name') },
              { label: translate('resources.sources.fields.supervisionLevel') },
              { label: translate('resources.sources.fields.grid') },
              { label: translate('gw.source.last_inspected') },
              { label: translate('gw.source.due_on') },
              { label: translate('gw.source.days_overdue'), align: 'right' },
            ]}
            rows={rows.map((r) => ({
              key: r.source.id,
              cells: [
                <Link key="name" to={`/sources/${encodeURIComponent(r.source.id)}/show/inspections`}>
                  {r.source.name}
                </Link>,
                translate(`gw.enum.SupervisionLevel.${r.source.supervisionLevel}`),
                r.source.grid?.name ?? '—',
                r.lastInspectedOn ?? translate('gw.source.never'),
                r.dueOn,
                r.daysOverdue,
              ],
            }))}
          />
        ) : null}
      </CardContent>
    </Card>
  );
};
