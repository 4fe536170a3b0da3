import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { can } from '../../auth/authProvider';
import { caseTransitions } from './transitions';

/** One button per transition allowed for this case now (the list fills with the workflow issue). */
export const CaseActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const allowed = caseTransitions.filter((t) => t.from.includes(String(record.status)) && can(t.action, 'Case'));
  return (
    <Card variant="outlined" data-testid="case-actions">
      <CardContent>
        <Typography variant="subtitle1">{translate('gw.case.actions')}</Typography>
        {allowed.length ? (
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            {allowed.map((t) => (
              <Button key={t.name} variant="contained" size="small">
                {translate(t.label)}
              </Button>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('gw.case.actions_pending')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
