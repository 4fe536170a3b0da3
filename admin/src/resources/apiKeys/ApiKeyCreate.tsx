import { gql } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { apolloClient } from '../../apollo';
import { currentMe } from '../../auth/authProvider';
import { shanghaiDayStart } from '../../data/spec';
import { toHttpError } from '../../data/errors';

const SCOPES = ['CREATE_COMPLAINTS', 'READ_CASES', 'READ_DEPARTMENTS', 'READ_GRIDS', 'READ_SOURCES'] as const;

const CREATE = gql`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id prefix } }
  }
`;

/** A key for a third-party system over the admin's own unit; the full key is shown once, here. */
export const ApiKeyCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const unitId = currentMe()?.unit.id;
    try {
      const { data } = await apolloClient.mutate<{ createApiKey: { key: string } }>({
        mutation: CREATE,
        variables: { input: { name, scopes, unitId, ...(expires ? { expiresAt: shanghaiDayStart(expires, 1) } : {}) } },
      });
      setKey(data?.createApiKey.key ?? null);
    } catch (e) {
      setError(toHttpError(e).message);
    }
  };
  const copy = async () => {
    if (key) await navigator.clipboard.writeText(key);
    notify('gw.apiKeys.copied', { type: 'info' });
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title="gw.apiKeys.create" />
      <CardContent>
        {key ? (
          <Box data-testid="api-key-once">
            <Alert severity="warning">{translate('gw.apiKeys.once_warning')}</Alert>
            <Typography component="code" data-testid="api-key-value" sx={{ display: 'block', fontFamily: 'monospace', wordBreak: 'break-all', my: 2 }}>
              {key}
            </Typography>
            <Button variant="contained" onClick={() => void copy()} data-testid="api-key-copy">
              {translate('gw.apiKeys.copy')}
            </Button>{' '}
            <Button onClick={() => redirect('list', 'apiKeys')}>{translate('gw.apiKeys.done')}</Button>
          </Box>
        ) : (
          <Box>
            <TextField name="name" label={translate('resources.apiKeys.fields.name')} required fullWidth margin="dense" value={name} onChange={(e) => setName(e.target.value)} />
            <Typography variant="subtitle2" sx={{ mt: 1 }}>
              {translate('resources.apiKeys.fields.scopes')}
            </Typography>
            {SCOPES.map((s) => (
              <FormControlLabel
                key={s}
                sx={{ display: 'flex' }}
                control={<Checkbox checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />}
                label={translate(`gw.enum.ApiKeyScope.${s}`)}
              />
            ))}
            <TextField name="expiresAt" type="date" label={translate('resources.apiKeys.fields.expiresAt')} fullWidth margin="dense" slotProps={{ inputLabel: { shrink: true } }} value={expires} onChange={(e) => setExpires(e.target.value)} />
            <Typography variant="body2" color="text.secondary">
              {translate('gw.apiKeys.unit_hint', { unit: currentMe()?.unit.name ?? '' })}
            </Typography>
            {error ? <Alert severity="error">{translate(error)}</Alert> : null}
            <Button variant="contained" sx={{ mt: 2 }} disabled={!name.trim() || !scopes.length} onClick={() => void submit()} data-testid="api-key-submit">
              {translate('ra.action.create')}
            </Button>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
