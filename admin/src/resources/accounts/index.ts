import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';
import { AccountCreate } from './AccountCreate';
import { AccountList } from './AccountList';

export const accounts: ResourceProps = {
  name: 'accounts',
  list: AccountList,
  create: AccountCreate,
  icon: ManageAccountsIcon,
  recordRepresentation: 'displayName',
};
