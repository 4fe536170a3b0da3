import GridIcon from '@mui/icons-material/GridOn';
import type { ResourceProps } from 'react-admin';
import { GridCreate } from './GridCreate';
import { GridEdit } from './GridEdit';
import { GridList } from './GridList';
import { GridShow } from './GridShow';

export const grids: ResourceProps = {
  name: 'grids',
  list: GridList,
  show: GridShow,
  edit: GridEdit,
  create: GridCreate,
  icon: GridIcon,
  recordRepresentation: 'name',
};
