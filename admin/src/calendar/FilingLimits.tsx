import { Alert, Box, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { SimpleTable } from '../common/SimpleTable';
import { useApi } from '../common/useApi';
import { toHttpError } from '../data/errors';
import { FILING_LIMITS, SET_TIME_LIMIT, type TimeLimitSetting } from './queries';

const LEVELS = ['CITY', 'COUNTY', 'TOWNSHIP'] as const;
const UNITS = ['WORKING_DAYS', 'HOURS', 'SAME_DAY'] as const;

/**
 * 立卷时限 (分级): how long the unit a report waits on has to file it, per level. A level without
 * its own row takes the general filing limit (the first row); the city sets either.
 */
export const FilingLimits = () => {
  const translate = useTranslate();
  const limits = useApi<{ timeLimits: TimeLimitSetting[] }>(FILING_LIMITS, {});
  const [level, setLevel] = useState<string>('TOWNSHIP');
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<string>('WORKING_DAYS');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = (limits.data?.timeLimits ?? []).filter((l) => l.step === 'FILE' && !l.origin && !l.categoryId && !l.urgency && !l.complexity);
  const save = async () => {
    setMessage(null);
    try {
      const input = { step: 'FILE', level: level || null, amount: unit === 'SAME_DAY' ? 0 : Number(amount), unit };
      await apolloClient.mutate({ mutation: SET_TIME_LIMIT, variables: { input } });
      setMessage({ ok: true, text: translate('gw.limits.saved') });
      limits.reload();
    } catch (e) {
      setMessage({ ok: false, text: translate(toHttpError(e).message) });
    }
  };
  const limitText = (l: Pick<TimeLimitSetting, 'amount' | 'unit'>) => translate(`gw.limits.amount.${l.unit}`, { smart_count: l.amount });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="filing-limits">
      <Typography variant="subtitle2">{translate('gw.limits.title')}</Typography>
      <Typography color="text.secondary">{translate('gw.limits.hint')}</Typography>
      <SimpleTable
        rowTestId="filing-limit"
        columns={[{ label: translate('gw.limits.level') }, { label: translate('gw.limits.limit') }, { label: translate('gw.limits.source') }]}
        rows={rows.map((l) => ({
          key: l.level ?? 'ALL',
          cells: [l.level ? translate(`gw.enum.GridLevel.${l.level}`) : translate('gw.limits.every_level'), limitText(l), translate(`gw.limits.sources.${l.source}`)],
        }))}
      />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label={translate('gw.limits.level')} value={level} onChange={(e) => setLevel(e.target.value)} sx={{ minWidth: 160 }} slotProps={{ htmlInput: { 'data-testid': 'filing-limit-level' } }}>
          <MenuItem value="">{translate('gw.limits.every_level')}</MenuItem>
          {LEVELS.map((l) => (
            <MenuItem key={l} value={l}>
              {translate(`gw.enum.GridLevel.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="number"
          label={translate('gw.limits.amount_label')}
          value={unit === 'SAME_DAY' ? '0' : amount}
          disabled={unit === 'SAME_DAY'}
          onChange={(e) => setAmount(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'filing-limit-amount', min: 0, max: 366 } }}
          sx={{ width: 110 }}
        />
        <TextField select size="small" label={translate('gw.limits.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} sx={{ minWidth: 140 }} slotProps={{ htmlInput: { 'data-testid': 'filing-limit-unit' } }}>
          {UNITS.map((u) => (
            <MenuItem key={u} value={u}>
              {translate(`gw.limits.units.${u}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button label="gw.limits.save" variant="contained" onClick={() => void save()} data-testid="filing-limit-save" />
      </Box>
      {message ? (
        <Alert severity={message.ok ? 'success' : 'error'} data-testid="filing-limit-result">
          {message.text}
        </Alert>
      ) : null}
    </Box>
  );
};
