import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Typography } from '@mui/material';
import { CreateButton, useCanAccess, useGetResourceLabel, useResourceContext, useResourceDefinition, useTranslate } from 'react-admin';

/**
 * A list with no records yet. It invites the user to create one only when the rules let them,
 * the same rules as the create button (react-admin's own empty page invites whoever may read).
 */
export const ListEmpty = () => {
  const resource = useResourceContext() ?? '';
  const { hasCreate } = useResourceDefinition();
  const { canAccess } = useCanAccess({ action: 'create', resource });
  const translate = useTranslate();
  const label = useGetResourceLabel()(resource, 0);
  const invite = hasCreate && canAccess === true;
  return (
    <Box sx={{ textAlign: 'center', color: 'text.secondary', py: 6 }} data-testid="list-empty">
      <InboxIcon sx={{ fontSize: 64, opacity: 0.5 }} />
      <Typography variant="h6">{translate('ra.page.empty', { name: label })}</Typography>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate(invite ? 'ra.page.invite' : 'gw.list.nothing_yet')}
      </Typography>
      {invite ? (
        <Box sx={{ mt: 2 }}>
          <CreateButton variant="contained" />
        </Box>
      ) : null}
    </Box>
  );
};
