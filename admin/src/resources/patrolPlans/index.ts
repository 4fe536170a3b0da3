import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const PatrolPlanList = lazy(() => import('./PatrolPlanList').then((m) => ({ default: m.PatrolPlanList })));

export const patrolPlans: ResourceProps = { name: 'patrolPlans', list: PatrolPlanList, icon: EventNoteIcon };
