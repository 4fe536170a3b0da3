import FactoryIcon from '@mui/icons-material/Factory';
import type { ResourceProps } from 'react-admin';
import { SourceCreate } from './SourceCreate';
import { SourceEdit } from './SourceEdit';
import { SourceList } from './SourceList';
import { SourceShow } from './SourceShow';

export const sources: ResourceProps = {
  name: 'sources',
  list: SourceList,
  show: SourceShow,
  edit: SourceEdit,
  create: SourceCreate,
  icon: FactoryIcon,
  recordRepresentation: 'name',
};
