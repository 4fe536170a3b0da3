import ReportIcon from '@mui/icons-material/ReportProblem';
import type { ResourceProps } from 'react-admin';
import { CaseCreate } from './CaseCreate';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export const cases: ResourceProps = {
  name: 'cases',
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  icon: ReportIcon,
  recordRepresentation: 'number',
};
