import { useMediaQuery, type Theme } from '@mui/material';
import { useGetIdentity } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import type { Role } from '../auth/me';
import { FIELD_ROLES as DOMAIN_FIELD_ROLES } from '@gridwatch/domain/enums';

/** The people outside the office: they report, check in and verify, mostly on phones (the domain package's list). */
export const FIELD_ROLES: readonly Role[] = DOMAIN_FIELD_ROLES;

/** A phone held upright (MUI's `sm` breakpoint, 600 px). */
export function usePhone(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
}

/** Field screens: a field role on a phone. Office roles keep the desktop console at any size. */
export function useFieldMode(): boolean {
  const phone = usePhone();
  const { data } = useGetIdentity();
  const role = (data as Identity | undefined)?.role;
  return phone && role !== undefined && FIELD_ROLES.includes(role);
}
