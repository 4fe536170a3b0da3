import ApartmentIcon from '@mui/icons-material/Apartment';
import type { ResourceProps } from 'react-admin';
import { DepartmentCreate } from './DepartmentCreate';
import { DepartmentEdit } from './DepartmentEdit';
import { DepartmentList } from './DepartmentList';
import { DepartmentShow } from './DepartmentShow';

export const departments: ResourceProps = {
  name: 'departments',
  list: DepartmentList,
  show: DepartmentShow,
  edit: DepartmentEdit,
  create: DepartmentCreate,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
