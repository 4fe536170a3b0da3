import { Alert, Box, Card, CardContent, Checkbox, FormControlLabel, FormGroup, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, Title, useNotify, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { useApi } from '../common/useApi';
import { toHttpError } from '../data/errors';
import { DISCLOSED_FIELDS, DISCLOSURE_STATUS, type DisclosedField, type DisclosureSetting, type DisclosureStatus, SET_DISCLOSURE } from './queries';

const toggle = <T,>(list: T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((x) => x !== item));

/**
 * 信息公开设置: the city administrator decides which closed cases the public sees (categories,
 * from which day) and which optional fields. Names, phones and addresses are never published.
 */
export const DisclosurePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const status = useApi<DisclosureStatus>(DISCLOSURE_STATUS, {});
  const [categoryIds, setCategoryIds] = useState<string[]>([]);
  const [fields, setFields] = useState<DisclosedField[]>([]);
  const [publishedFrom, setPublishedFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const saved = status.data?.disclosureSetting;
  useEffect(() => {
    if (!saved) return;
    setCategoryIds(saved.categoryIds);
    setFields(saved.fields);
    setPublishedFrom(saved.publishedFrom ?? '');
  }, [saved]);

  const save = async () => {
    setBusy(true);
    try {
      const input = { categoryIds, fields, publishedFrom: publishedFrom || null };
      await apolloClient.mutate<{ setDisclosureSetting: DisclosureSetting }>({ mutation: SET_DISCLOSURE, variables: { input } });
      notify('gw.disclosure.saved', { type: 'success' });
      status.reload();
    } catch (e) {
      notify(toHttpError(e).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 2 }} data-testid="disclosure-page">
      <Title title="gw.menu.disclosure" />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography color="text.secondary">{translate('gw.disclosure.hint')}</Typography>
        {status.error ? <Alert severity="error">{translate(status.error)}</Alert> : null}
        <Alert severity={saved?.publishedFrom ? 'info' : 'warning'} data-testid="disclosure-state">
          {saved?.publishedFrom ? translate('gw.disclosure.published', { day: saved.publishedFrom, count: saved.categoryIds.length }) : translate('gw.disclosure.nothing')}
        </Alert>
        <TextField
          label={translate('gw.disclosure.from')}
          size="small"
          type="date"
          value={publishedFrom}
          // Until the saved setting arrives, a typed date would be overwritten by it.
          disabled={!status.data}
          onChange={(e) => setPublishedFrom(e.target.value)}
          helperText={translate('gw.disclosure.from_hint')}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'disclosure-from' } }}
          sx={{ maxWidth: 260 }}
        />
        <Typography variant="subtitle2">{translate('gw.disclosure.categories')}</Typography>
        <FormGroup row sx={{ gap: 1 }}>
          {(status.data?.caseCategories ?? []).map((c) => (
            <FormControlLabel
              key={c.id}
              label={c.name}
              control={<Checkbox checked={categoryIds.includes(c.id)} onChange={(e) => setCategoryIds(toggle(categoryIds, c.id, e.target.checked))} />}
            />
          ))}
        </FormGroup>
        <Typography variant="subtitle2">{translate('gw.disclosure.fields')}</Typography>
        <FormGroup>
          {DISCLOSED_FIELDS.map((f) => (
            <FormControlLabel
              key={f}
              label={translate(`gw.disclosure.field.${f}`)}
              control={<Checkbox checked={fields.includes(f)} onChange={(e) => setFields(toggle(fields, f, e.target.checked))} />}
            />
          ))}
        </FormGroup>
        <Typography variant="body2" color="text.secondary">{translate('gw.disclosure.never')}</Typography>
        <Box>
          <Button label="gw.disclosure.save" variant="contained" disabled={busy || !status.data} onClick={() => void save()} data-testid="disclosure-save" />
        </Box>
      </CardContent>
    </Card>
  );
};
