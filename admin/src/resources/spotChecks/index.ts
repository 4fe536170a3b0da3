import ShuffleIcon from '@mui/icons-material/Shuffle';
import type { ResourceProps } from 'react-admin';
import { SpotCheckCreate } from './SpotCheckCreate';
import { SpotCheckList } from './SpotCheckList';
import { SpotCheckShow } from './SpotCheckShow';

export const spotChecks: ResourceProps = {
  name: 'spotChecks',
  list: SpotCheckList,
  show: SpotCheckShow,
  create: SpotCheckCreate,
  icon: ShuffleIcon,
  recordRepresentation: 'title',
};
