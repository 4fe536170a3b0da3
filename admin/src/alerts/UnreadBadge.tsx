import { gql } from '@apollo/client';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { apolloClient } from '../apollo';
import { can } from '../auth/authProvider';
import { onAlertsChanged } from './alertEvents';

const UNREAD = gql`
  query UnreadAlertCount {
    unreadAlertCount
  }
`;
const EVERY_MS = 60_000;

/** The app bar's bell: the person's unread alerts, counted again each minute and whenever the inbox changes them. */
export const UnreadBadge = () => {
  const translate = useTranslate();
  const { data: identity } = useGetIdentity();
  const [count, setCount] = useState<number | null>(null);
  const allowed = !!identity && can('read', 'CaseAlert');
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    const load = () =>
      apolloClient
        .query<{ unreadAlertCount: number }>({ query: UNREAD, fetchPolicy: 'network-only' })
        .then((r) => live && setCount(r.data.unreadAlertCount))
        .catch(() => undefined);
    void load();
    const timer = window.setInterval(load, EVERY_MS);
    const off = onAlertsChanged(load);
    return () => {
      live = false;
      window.clearInterval(timer);
      off();
    };
  }, [allowed]);
  if (!allowed) return null;
  return (
    <Tooltip title={translate('gw.alerts.badge')}>
      <IconButton color="inherit" component={Link} to="/alerts" aria-label={translate('gw.alerts.badge')} data-testid="alerts-badge">
        <Badge badgeContent={count ?? 0} max={999} color="error" data-testid="alerts-unread" data-count={count ?? ''}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
