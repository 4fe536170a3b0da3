import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const PeriodList = lazy(() => import('./PeriodList').then((m) => ({ default: m.PeriodList })));
const PeriodCreate = lazy(() => import('./PeriodCreate').then((m) => ({ default: m.PeriodCreate })));
const PeriodEdit = lazy(() => import('./PeriodCreate').then((m) => ({ default: m.PeriodEdit })));

export const sensitivePeriods: ResourceProps = { name: 'sensitivePeriods', list: PeriodList, create: PeriodCreate, edit: PeriodEdit, icon: CampaignIcon, recordRepresentation: 'name' };
