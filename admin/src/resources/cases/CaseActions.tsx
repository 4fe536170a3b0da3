import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { TransitionDialog } from './TransitionDialog';
import { usePhone } from '../../field/roles';
import { transitionOf, type CaseTransition } from './transitions';

interface CaseRecord {
  id: string;
  version: number;
  availableActions?: string[];
  handlingUnit?: { id: string } | null;
}

/** One button per action the API says the user may take on this case now (`availableActions`). */
export const CaseActions = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState<CaseTransition | null>(null);
  // On a phone every step is a full-width button, large enough for a thumb.
  const phone = usePhone();
  if (!record) return null;
  const allowed = (record.availableActions ?? []).map(transitionOf).filter((t): t is CaseTransition => t !== undefined);
  return (
    <Card variant="outlined" data-testid="case-actions">
      <CardContent>
        <Typography variant="subtitle1">{translate('gw.case.actions')}</Typography>
        {allowed.length ? (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', flexDirection: phone ? 'column' : 'row', gap: 1, mt: 1 }}>
            {allowed.map((t) => (
              <Button key={t.action} variant="contained" size={phone ? 'large' : 'small'} fullWidth={phone} sx={phone ? { minHeight: 48 } : undefined} data-testid={`action-${t.action}`} onClick={() => setOpen(t)}>
                {translate(`gw.enum.CaseAction.${t.action}`)}
              </Button>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('gw.case.actions_none')}
          </Typography>
        )}
        {open ? <TransitionDialog key={open.action} transition={open} kase={record} onClose={() => setOpen(null)} /> : null}
      </CardContent>
    </Card>
  );
};
