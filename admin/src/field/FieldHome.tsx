import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useTranslate } from 'react-admin';
import { currentMe } from '../auth/authProvider';
import { CaseCard } from './CaseCard';
import { useFieldData, type FieldPlan } from './snapshot';
import { useOnline, useOutbox } from './useOutbox';

const casesWith = (filter: Record<string, unknown>) => `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const PlanRow = ({ plan, queued }: { plan: FieldPlan; queued: number }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 1 }} data-testid="field-plan">
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body1" noWrap>
          {plan.grid.name}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('gw.field.plan_progress', { done: plan.doneCount, required: plan.requiredCount })}
          {queued ? ` · ${translate('gw.field.queued_count', { smart_count: queued })}` : ''}
        </Typography>
      </Box>
      <Button component={Link} to={`/check-in/${encodeURIComponent(plan.grid.id)}`} variant="contained" sx={{ minHeight: 48, minWidth: 88 }} data-testid="field-plan-check-in">
        {translate('gw.field.check_in')}
      </Button>
    </Box>
  );
};

/** The field worker's home: report, this month's patrols with one-tap check-in, the cases waiting, the outbox. */
export const FieldHome = () => {
  const translate = useTranslate();
  const me = currentMe();
  const { data, offline } = useFieldData(me);
  const online = useOnline();
  const { items, waiting, failed } = useOutbox();
  const plans = data?.plans ?? [];
  const done = plans.reduce((n, p) => n + p.doneCount, 0);
  const required = plans.reduce((n, p) => n + p.requiredCount, 0);
  const queuedAt = (gridId: string) => items.filter((i) => i.kind === 'checkIn' && i.status !== 'sent' && i.input.gridId === gridId).length;
  const open = data?.openCases ?? [];
  return (
    <Stack spacing={1.5} sx={{ p: 1, pb: 10 }} data-testid="field-home">
      <Title title="gw.field.home" />
      <Typography variant="h6">{translate('gw.field.hello', { name: me?.account.displayName ?? '' })}</Typography>
      {!online || offline ? <Alert severity="warning">{translate('gw.field.offline_banner')}</Alert> : null}
      {waiting || failed ? (
        <Alert severity={failed ? 'error' : 'info'} action={<Button component={Link} to="/outbox">{translate('gw.field.outbox')}</Button>} data-testid="field-outbox-banner">
          {translate('gw.field.outbox_summary', { waiting, failed })}
        </Alert>
      ) : null}
      <Button component={Link} to="/report" variant="contained" size="large" startIcon={<AddAPhotoIcon />} sx={{ minHeight: 64, fontSize: 18 }} data-testid="field-report-button">
        {translate('gw.field.report')}
      </Button>
      {me?.gridWorker && data ? (
        <Card variant="outlined" data-testid="field-patrol">
          <CardContent>
            <Typography variant="subtitle1">{translate('gw.field.month_patrol', { month: data?.month ?? '' })}</Typography>
            <Typography variant="h5" data-testid="field-patrol-total">
              {done} / {required}
            </Typography>
            <LinearProgress variant="determinate" value={required ? Math.min(100, (100 * done) / required) : 0} sx={{ height: 8, borderRadius: 4, my: 1 }} />
            {plans.map((p) => (
              <PlanRow key={p.id} plan={p} queued={queuedAt(p.grid.id)} />
            ))}
            {data && !plans.length ? <Typography color="text.secondary">{translate('gw.field.no_plans')}</Typography> : null}
          </CardContent>
        </Card>
      ) : null}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography variant="subtitle1">{translate('gw.field.open_cases', { smart_count: open.length })}</Typography>
        <Button component={Link} to={casesWith({ due: 'OVERDUE' })} color="error">
          {translate('gw.queues.overdue')}
        </Button>
      </Box>
      {open.slice(0, 5).map((c) => (
        <CaseCard key={c.id} kase={c} />
      ))}
    </Stack>
  );
};
