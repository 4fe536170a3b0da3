import { gql } from '@apollo/client';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { can } from '../../auth/authProvider';
import { useRun } from '../../common/useRun';
import { shanghaiMonth } from '../../common/clock';

const GENERATE = gql`mutation Generate($month: String!) { generatePatrolPlans(month: $month) { month created updated plans } }`;

interface Generation {
  month: string;
  created: number;
  updated: number;
  plans: number;
}

/** 生成月度巡查计划 for the user's unit (township, county and city administrators): idempotent, so a rerun is harmless. */
export const GeneratePlans = () => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const run = useRun();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(shanghaiMonth());
  const [done, setDone] = useState<Generation | null>(null);
  if (!can('create', 'PatrolPlan')) return null;
  const generate = () =>
    run(async () => {
      const { data } = await apolloClient.mutate<{ generatePatrolPlans: Generation }>({ mutation: GENERATE, variables: { month } });
      if (data) setDone(data.generatePatrolPlans);
      setFilters({ ...filterValues, month }, {});
    }, 'gw.patrol.generated');
  return (
    <>
      <Button label="gw.patrol.generate" onClick={() => setOpen(true)} data-testid="patrol-generate" />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('gw.patrol.generate')}</DialogTitle>
        <DialogContent>
          <MuiTextField fullWidth margin="dense" label={translate('resources.patrolPlans.fields.month')} value={month} onChange={(e) => setMonth(e.target.value.trim())} helperText={translate('gw.patrol.month_hint')} data-testid="patrol-generate-month" />
          {done ? (
            <Typography data-testid="patrol-generated">{translate('gw.patrol.generation', { month: done.month, created: done.created, updated: done.updated, plans: done.plans })}</Typography>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setOpen(false)} />
          <Button label="gw.patrol.generate" variant="contained" disabled={!/^\d{4}-\d{2}$/.test(month)} onClick={() => void generate()} data-testid="patrol-generate-submit" />
        </DialogActions>
      </Dialog>
    </>
  );
};
