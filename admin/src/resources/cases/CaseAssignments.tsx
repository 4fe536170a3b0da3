import { Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatShanghai } from '../../common/fields';
import { usePhone } from '../../field/roles';
import { TransitionDialog } from './TransitionDialog';
import { assignmentTransitionOf, type CaseTransition } from './transitions';

export interface Assignment {
  id: string;
  lead: boolean;
  active: boolean;
  state: 'DISPATCHED' | 'ACCEPTED' | 'FED_BACK';
  version: number;
  dueAt: string | null;
  dueProvisional: boolean;
  acceptedAt: string | null;
  acceptedByName: string | null;
  fedBackAt: string | null;
  fedBackByName: string | null;
  feedback: string | null;
  availableActions: string[];
  department: { id: string; name: string } | null;
}

const STATE_COLOR = { DISPATCHED: 'default', ACCEPTED: 'info', FED_BACK: 'success' } as const;

/**
 * 联合执法: the departments of the current dispatch, the lead first, each with its state, its own
 * deadline and its feedback; a partner department gets its accept and feedback buttons on its own
 * assignment (the API's `availableActions` on the assignment decides).
 */
export const CaseAssignments = () => {
  const record = useRecordContext<{ id: string; assignments?: Assignment[] }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phone = usePhone();
  const [open, setOpen] = useState<{ transition: CaseTransition; assignment: Assignment } | null>(null);
  const current = (record?.assignments ?? []).filter((a) => a.active).sort((a, b) => Number(b.lead) - Number(a.lead));
  if (!current.length) return null;
  const when = (at: string | null, by: string | null) => (at ? `${formatShanghai(at, locale)}${by ? ` · ${by}` : ''}` : null);
  return (
    <Card variant="outlined" data-testid="case-assignments" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="subtitle1">{translate('gw.assignment.title')}</Typography>
        {current.map((a) => {
          const actions = a.availableActions.map(assignmentTransitionOf).filter((t): t is CaseTransition => t !== undefined);
          return (
            <Box key={a.id} data-testid="assignment" sx={{ borderTop: 1, borderColor: 'divider', pt: 1, mt: 1 }}>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                <Typography variant="body1" data-testid="assignment-department">
                  {a.department?.name ?? '—'}
                </Typography>
                <Chip size="small" variant="outlined" label={translate(a.lead ? 'gw.assignment.lead' : 'gw.assignment.partner')} />
                <Chip size="small" color={STATE_COLOR[a.state]} label={translate(`gw.enum.AssignmentState.${a.state}`)} data-testid="assignment-state" />
              </Box>
              <Typography variant="body2" color="text.secondary">
                {translate('gw.assignment.due')}: {a.dueAt ? formatShanghai(a.dueAt, locale) : '—'}
                {a.dueProvisional ? ` (${translate('gw.calendar.provisional')})` : ''}
              </Typography>
              {a.acceptedAt ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('gw.assignment.accepted')}: {when(a.acceptedAt, a.acceptedByName)}
                </Typography>
              ) : null}
              {a.fedBackAt ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('gw.assignment.fed_back')}: {when(a.fedBackAt, a.fedBackByName)}
                </Typography>
              ) : null}
              {a.feedback ? (
                <Typography variant="body2" data-testid="assignment-feedback" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {a.feedback}
                </Typography>
              ) : null}
              {actions.length ? (
                <Box sx={{ display: 'flex', flexDirection: phone ? 'column' : 'row', gap: 1, mt: 1 }}>
                  {actions.map((t) => (
                    <Button
                      key={t.action}
                      variant="contained"
                      size={phone ? 'large' : 'small'}
                      fullWidth={phone}
                      sx={phone ? { minHeight: 48 } : undefined}
                      data-testid={`assignment-action-${t.action}`}
                      onClick={() => setOpen({ transition: t, assignment: a })}
                    >
                      {translate(`gw.enum.CaseAction.${t.action}`)}
                    </Button>
                  ))}
                </Box>
              ) : null}
            </Box>
          );
        })}
        {open ? (
          <TransitionDialog key={open.transition.action} transition={open.transition} kase={{ id: open.assignment.id, version: open.assignment.version }} onClose={() => setOpen(null)} />
        ) : null}
      </CardContent>
    </Card>
  );
};
