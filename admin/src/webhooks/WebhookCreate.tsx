import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { currentMe } from '../auth/authProvider';
import { toHttpError } from '../data/errors';
import { CREATE } from './queries';

/** Registers an endpoint for the administrator's own unit; the signing secret is shown once, here. */
export const WebhookCreate = ({ onCreated }: { onCreated: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const eventTypes = types.split(/[\s,，]+/).filter(Boolean);
    try {
      const { data } = await apolloClient.mutate<{ createWebhookEndpoint: { secret: string } }>({
        mutation: CREATE,
        variables: { input: { unitId: currentMe()?.unit.id, name, url, eventTypes } },
      });
      setSecret(data?.createWebhookEndpoint.secret ?? null);
      setName('');
      setUrl('');
      setTypes('');
      onCreated();
    } catch (e) {
      setError(toHttpError(e).message);
    }
  };
  const copy = async () => {
    if (secret) await navigator.clipboard.writeText(secret);
    notify('gw.webhooks.copied', { type: 'info' });
  };

  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate('gw.webhooks.new')}</Typography>
        {secret ? (
          <Box data-testid="webhook-secret-once">
            <Alert severity="warning">{translate('gw.webhooks.once_warning')}</Alert>
            <Typography component="code" data-testid="webhook-secret" sx={{ display: 'block', fontFamily: 'monospace', wordBreak: 'break-all', my: 2 }}>
              {secret}
            </Typography>
            <Button variant="contained" onClick={() => void copy()}>
              {translate('gw.webhooks.copy')}
            </Button>{' '}
            <Button onClick={() => setSecret(null)}>{translate('gw.webhooks.done')}</Button>
          </Box>
        ) : (
          <Box>
            <TextField name="name" label={translate('gw.webhooks.name')} required fullWidth margin="dense" value={name} onChange={(e) => setName(e.target.value)} />
            <TextField name="url" label={translate('gw.webhooks.url')} required fullWidth margin="dense" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
            <TextField
              name="eventTypes"
              label={translate('gw.webhooks.event_types')}
              helperText={translate('gw.webhooks.event_types_hint')}
              fullWidth
              margin="dense"
              value={types}
              onChange={(e) => setTypes(e.target.value)}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('gw.webhooks.unit_hint', { unit: currentMe()?.unit.name ?? '' })}
            </Typography>
            {error ? <Alert severity="error">{translate(error)}</Alert> : null}
            <Button variant="contained" sx={{ mt: 2 }} disabled={!name.trim() || !url.trim()} onClick={() => void submit()} data-testid="webhook-submit">
              {translate('ra.action.create')}
            </Button>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
