import { gql } from '@apollo/client';
import { Alert, Stack } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
import { formatShanghai } from '../common/fields';
import { useApi } from '../common/useApi';

const OWNER_ALERTS = gql`query OwnerAlerts { ownerAlerts(first: 20) { nodes { id kind subject message at } } }`;

interface OwnerAlertRow {
  id: string;
  kind: string;
  subject: string;
  message: string;
  at: string;
}

/** What the system changed on its own for the administrators (a webhook endpoint disabled), above their reminders. */
export const OwnerAlerts = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const allowed = can('read', 'OwnerAlert');
  const { data } = useApi<{ ownerAlerts: { nodes: OwnerAlertRow[] } }>(OWNER_ALERTS, allowed ? {} : null);
  const rows = data?.ownerAlerts.nodes ?? [];
  if (!rows.length) return null;
  return (
    <Stack sx={{ gap: 1, mb: 2 }} data-testid="owner-alerts">
      {rows.map((a) => (
        <Alert key={a.id} severity="warning">
          {translate(`gw.alerts.owner.${a.kind}`, { _: a.kind, subject: a.subject, at: formatShanghai(a.at, locale) })}
        </Alert>
      ))}
    </Stack>
  );
};
