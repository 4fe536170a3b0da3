import { Box, Chip, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { Identity as IdentityRecord } from '../auth/authProvider';
import { roleKey } from '../common/enums';
import { usePhone } from '../field/roles';

/** Who is signed in, in which unit and role: always in the app bar. */
export const Identity = () => {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const identity = data as IdentityRecord | undefined;
  // A phone's bar has room for the unit only (shortened before the title is); the name and role are in the user menu.
  const phone = usePhone();
  if (!identity) return null;
  if (phone)
    return (
      <Chip size="small" color="secondary" label={identity.unitName} data-testid="identity-unit" sx={{ maxWidth: 110, minWidth: 0, flexShrink: 1, mr: 0.5 }} />
    );
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 1 }} data-testid="identity">
      {/* The name is the user menu's button beside it: here the unit, department and role only. */}
      <Chip size="small" color="secondary" label={identity.unitName} data-testid="identity-unit" />
      {identity.departmentName ? <Chip size="small" color="secondary" label={identity.departmentName} data-testid="identity-department" /> : null}
      <Chip size="small" variant="outlined" sx={{ color: 'inherit' }} label={translate(roleKey(identity.role))} data-testid="identity-role" />
    </Box>
  );
};

/** The user menu's first line on a phone: name and role (the app bar shows only the unit there). */
export const IdentityLine = () => {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const identity = data as IdentityRecord | undefined;
  if (!identity) return null;
  return (
    <Box sx={{ px: 2, py: 1 }} data-testid="identity-line">
      <Typography variant="subtitle2" data-testid="identity-name">
        {identity.fullName}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {identity.unitName} · {translate(roleKey(identity.role))}
      </Typography>
    </Box>
  );
};
