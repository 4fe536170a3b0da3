import PersonIcon from '@mui/icons-material/LocalPolice';
import type { ResourceProps } from 'react-admin';
import { OfficerCreate } from './OfficerCreate';
import { OfficerEdit } from './OfficerEdit';
import { OfficerList } from './OfficerList';
import { OfficerShow } from './OfficerShow';

export const officers: ResourceProps = {
  name: 'officers',
  list: OfficerList,
  show: OfficerShow,
  edit: OfficerEdit,
  create: OfficerCreate,
  icon: PersonIcon,
  recordRepresentation: 'name',
};
