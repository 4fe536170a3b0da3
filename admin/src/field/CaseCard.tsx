import { Card, CardActionArea, CardContent, Chip, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslate } from 'react-admin';
import { now } from '../common/clock';
import { categoryKey } from '../common/enums';
import { OPEN_STATUSES } from '../resources/cases/openStatuses';

export interface CardCase {
  id: string;
  number: string;
  status: string;
  dueAt?: string | null;
  category?: { code: string; name: string } | null;
  grid?: { name: string } | null;
}

const DAY_MS = 86_400_000;

/** Past its deadline and still waiting for someone: shown in red everywhere a case is listed. */
export function isLate(kase: { dueAt?: string | null; status: string }): boolean {
  return !!kase.dueAt && Date.parse(kase.dueAt) < now().getTime() && OPEN_STATUSES.includes(kase.status);
}

/** "Due in N days" (or overdue, red): what a field worker looks for first. */
export const DueChip = ({ dueAt }: { dueAt?: string | null }) => {
  const translate = useTranslate();
  if (!dueAt) return null;
  const days = Math.ceil((Date.parse(dueAt) - now().getTime()) / DAY_MS);
  const late = days < 0;
  return (
    <Chip
      size="small"
      color={late ? 'error' : days <= 1 ? 'warning' : 'default'}
      label={translate(late ? 'gw.field.overdue_days' : 'gw.field.due_days', { smart_count: Math.abs(days) })}
      data-testid={late ? 'due-late' : 'due-in'}
    />
  );
};

/** One case as a card: number, category, status, grid, due. */
export const CaseCard = ({ kase }: { kase: CardCase }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="case-card">
      <CardActionArea component={Link} to={`/cases/${encodeURIComponent(kase.id)}/show`}>
        <CardContent sx={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: 0.5, py: 1.5 }}>
          <Typography variant="subtitle1">{kase.number}</Typography>
          {/* An empty cell without a deadline keeps the card's two columns in place. */}
          {kase.dueAt ? <DueChip dueAt={kase.dueAt} /> : <span />}
          <Typography variant="body2">{kase.category ? translate(categoryKey(kase.category.code), { _: kase.category.name }) : ''}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`gw.enum.CaseStatus.${kase.status}`)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1' }}>
            {kase.grid?.name ?? ''}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
