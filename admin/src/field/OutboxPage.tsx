import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useLocale, useTranslate } from 'react-admin';
import { currentMe } from '../auth/authProvider';
import { formatShanghai } from '../common/fields';
import { outbox } from './outbox';
import { flushOutbox } from './sender';
import type { OutboxItem } from './store';
import { useOnline, useOutbox } from './useOutbox';

const COLOR = { waiting: 'warning', sending: 'info', failed: 'error', sent: 'success' } as const;

const ItemCard = ({ item }: { item: OutboxItem }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const retry = async () => {
    await outbox.put({ ...item, status: 'waiting', lastError: null });
    await flushOutbox(item.accountId);
  };
  const title = item.kind === 'report' ? `${item.summary.category} · ${item.summary.grid}` : translate('gw.field.check_in_item', { grid: item.summary.grid });
  return (
    <Card variant="outlined" data-testid="outbox-item" data-status={item.status}>
      <CardContent sx={{ pb: '12px !important' }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'center' }}>
          <Typography variant="subtitle1">{title}</Typography>
          <Chip size="small" color={COLOR[item.status]} label={translate(`gw.field.status.${item.status}`)} />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {formatShanghai(item.createdAt, locale)}
          {item.photos.length ? ` · ${translate('gw.field.photo_count', { smart_count: item.photos.length })}` : ''}
        </Typography>
        {item.kind === 'report' && item.result ? (
          <Typography variant="body2">
            <Link to={`/cases/${encodeURIComponent(item.result.id)}/show`}>{item.result.label}</Link>
          </Typography>
        ) : null}
        {item.lastError && item.status !== 'sent' ? (
          <Typography variant="body2" color={item.status === 'failed' ? 'error' : 'text.secondary'} data-testid="outbox-reason">
            {translate(item.lastError === 'NETWORK_ERROR' ? 'gw.field.no_network' : `gw.errors.${item.lastError}`)}
          </Typography>
        ) : null}
        {item.status === 'failed' ? (
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Button variant="contained" onClick={() => void retry()}>
              {translate('gw.field.retry')}
            </Button>
            <Button color="error" onClick={() => void outbox.remove(item.id)}>
              {translate('gw.field.discard')}
            </Button>
          </Stack>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** 待发送: what this phone keeps for the server, what failed and why, and what went (three days). */
export const OutboxPage = () => {
  const translate = useTranslate();
  const online = useOnline();
  const { items, loaded, waiting } = useOutbox();
  const me = currentMe();
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, pb: 10 }} data-testid="outbox">
      <Title title="gw.field.outbox" />
      {!online ? <Alert severity="warning">{translate('gw.field.offline_banner')}</Alert> : null}
      {waiting && online && me ? (
        <Button fullWidth variant="outlined" sx={{ my: 1, minHeight: 48 }} onClick={() => void flushOutbox(me.account.id)}>
          {translate('gw.field.send_now')}
        </Button>
      ) : null}
      {items.length || !loaded ? null : <Typography sx={{ p: 2 }}>{translate('gw.field.outbox_empty')}</Typography>}
      <Stack spacing={1}>
        {[...items].reverse().map((item) => (
          <ItemCard key={item.id} item={item} />
        ))}
      </Stack>
    </Box>
  );
};
