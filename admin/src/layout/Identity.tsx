import { Box, Chip, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { Identity as IdentityRecord } from '../auth/authProvider';
import { roleKey } from '../common/enums';

/** Who is signed in, in which unit and role: always in the app bar. */
export const Identity = () => {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const identity = data as IdentityRecord | undefined;
  if (!identity) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 1 }} data-testid="identity">
      <Typography variant="body2" component="span" data-testid="identity-name">
        {identity.fullName}
      </Typography>
      <Chip size="small" color="secondary" label={identity.unitName} data-testid="identity-unit" />
      {identity.departmentName ? <Chip size="small" color="secondary" label={identity.departmentName} data-testid="identity-department" /> : null}
      <Chip size="small" variant="outlined" sx={{ color: 'inherit' }} label={translate(roleKey(identity.role))} data-testid="identity-role" />
    </Box>
  );
};
