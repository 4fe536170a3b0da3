import { Alert, Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useLocale, useNotify, useTranslate } from 'react-admin';
import { apolloClient } from '../apollo';
import { formatShanghai } from '../common/fields';
import { SimpleTable } from '../common/SimpleTable';
import { useApi } from '../common/useApi';
import { toHttpError } from '../data/errors';
import { DELIVERIES, type Delivery, type Endpoint, ENDPOINTS, REPLAY, UPDATE } from './queries';
import { WebhookCreate } from './WebhookCreate';

/**
 * Webhook 推送: the administrator's endpoints (case events and alerts of the unit pushed to
 * another system), each one's delivery log, and a replay per event. docs/webhooks.md has the format.
 */
export const WebhooksPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const endpoints = useApi<{ webhookEndpoints: { nodes: Endpoint[] } }>(ENDPOINTS, {});
  const [selected, setSelected] = useState<string | null>(null);
  const deliveries = useApi<{ webhookDeliveries: { nodes: Delivery[] } }>(DELIVERIES, selected ? { endpointId: selected } : null);
  const when = (value: string | null) => (value ? formatShanghai(value, locale) : '—');

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notify(done, { type: 'success' });
      endpoints.reload();
      deliveries.reload();
    } catch (e) {
      notify(toHttpError(e).message, { type: 'error' });
    }
  };
  const setEnabled = (e: Endpoint, enabled: boolean) =>
    run(() => apolloClient.mutate({ mutation: UPDATE, variables: { input: { id: e.id, version: e.version, enabled } } }), enabled ? 'gw.webhooks.enabled_done' : 'gw.webhooks.disabled_done');
  const replay = (eventId: string) =>
    run(() => apolloClient.mutate({ mutation: REPLAY, variables: { input: { endpointId: selected, eventId } } }), 'gw.webhooks.replayed');

  const list = endpoints.data?.webhookEndpoints.nodes ?? [];
  const current = list.find((e) => e.id === selected);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="gw.menu.webhooks" />
      <WebhookCreate onCreated={endpoints.reload} />
      {endpoints.error ? <Alert severity="error">{translate(endpoints.error)}</Alert> : null}
      <Card sx={{ mb: 2, overflowX: 'auto' }}>
        <CardContent>
          <Typography variant="h6">{translate('gw.webhooks.endpoints')}</Typography>
          <SimpleTable
            rowTestId="webhook-endpoint"
            columns={[{ label: translate('gw.webhooks.name') }, { label: translate('gw.webhooks.url') }, { label: translate('gw.webhooks.state') }, { label: '' }]}
            rows={list.map((e) => ({
              key: e.id,
              cells: [
                e.name,
                <Typography key="url" variant="body2" sx={{ wordBreak: 'break-all' }}>
                  {e.url}
                  <br />
                  {e.eventTypes.length ? e.eventTypes.join(', ') : translate('gw.webhooks.all_events')}
                </Typography>,
                <Box key="state">
                  <Chip size="small" color={e.enabled ? (e.failingSince ? 'warning' : 'success') : 'default'} label={translate(e.enabled ? (e.failingSince ? 'gw.webhooks.failing' : 'gw.webhooks.active') : 'gw.webhooks.disabled')} />
                  {e.failingSince ? <Typography variant="caption" sx={{ display: 'block' }}>{translate('gw.webhooks.failing_since', { at: when(e.failingSince) })}</Typography> : null}
                  {e.disabledReason ? <Typography variant="caption" sx={{ display: 'block' }}>{e.disabledReason}</Typography> : null}
                </Box>,
                <Box key="actions" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setSelected(e.id)} data-testid="webhook-log">
                    {translate('gw.webhooks.log')}
                  </Button>
                  <Button size="small" onClick={() => void setEnabled(e, !e.enabled)}>
                    {translate(e.enabled ? 'gw.webhooks.disable' : 'gw.webhooks.enable')}
                  </Button>
                </Box>,
              ],
            }))}
          />
        </CardContent>
      </Card>
      {current ? (
        <Card sx={{ overflowX: 'auto' }}>
          <CardContent>
            <Typography variant="h6">{translate('gw.webhooks.log_of', { name: current.name })}</Typography>
            {deliveries.error ? <Alert severity="error">{translate(deliveries.error)}</Alert> : null}
            <SimpleTable
              rowTestId="webhook-delivery"
              columns={[
                { label: translate('gw.webhooks.event') },
                { label: translate('gw.webhooks.event_at') },
                { label: translate('gw.webhooks.result') },
                { label: translate('gw.webhooks.attempts'), align: 'right' },
                { label: translate('gw.webhooks.next_attempt') },
                { label: '' },
              ]}
              rows={(deliveries.data?.webhookDeliveries.nodes ?? []).map((d) => ({
                key: d.id,
                cells: [
                  <Typography key="event" variant="body2">
                    {d.type}
                    <br />
                    <code>{d.eventId}</code>
                  </Typography>,
                  when(d.eventAt),
                  <Typography key="result" variant="body2">
                    {d.delivered ? translate('gw.webhooks.delivered') : translate('gw.webhooks.pending')}
                    {d.lastStatusCode != null || d.lastError ? ` · ${d.lastError ?? d.lastStatusCode}` : ''}
                    {d.lastDurationMs != null ? ` · ${d.lastDurationMs} ms` : ''}
                  </Typography>,
                  d.attempts,
                  d.delivered ? '—' : when(d.nextAttemptAt),
                  <Button key="replay" size="small" onClick={() => void replay(d.eventId)} data-testid="webhook-replay">
                    {translate('gw.webhooks.replay')}
                  </Button>,
                ],
              }))}
            />
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};
