import PersonIcon from '@mui/icons-material/Badge';
import type { ResourceProps } from 'react-admin';
import { GridWorkerCreate } from './GridWorkerCreate';
import { GridWorkerEdit } from './GridWorkerEdit';
import { GridWorkerList } from './GridWorkerList';
import { GridWorkerShow } from './GridWorkerShow';

export const gridWorkers: ResourceProps = {
  name: 'gridWorkers',
  list: GridWorkerList,
  show: GridWorkerShow,
  edit: GridWorkerEdit,
  create: GridWorkerCreate,
  icon: PersonIcon,
  recordRepresentation: 'name',
};
