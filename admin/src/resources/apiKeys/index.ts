import VpnKeyIcon from '@mui/icons-material/VpnKey';
import type { ResourceProps } from 'react-admin';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';

export const apiKeys: ResourceProps = {
  name: 'apiKeys',
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
};
