import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

// Loaded when first opened: the start bundle stays as it was.
const PlanList = lazy(() => import('./PlanList').then((m) => ({ default: m.PlanList })));
const PlanShow = lazy(() => import('./PlanShow').then((m) => ({ default: m.PlanShow })));
const PlanCreate = lazy(() => import('./PlanCreate').then((m) => ({ default: m.PlanCreate })));

export const enforcementPlans: ResourceProps = {
  name: 'enforcementPlans',
  list: PlanList,
  show: PlanShow,
  create: PlanCreate,
  icon: AssignmentIcon,
  recordRepresentation: 'title',
};
