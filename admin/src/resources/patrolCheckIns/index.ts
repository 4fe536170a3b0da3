import PinDropIcon from '@mui/icons-material/PinDrop';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const CheckInList = lazy(() => import('./CheckInList').then((m) => ({ default: m.CheckInList })));

export const patrolCheckIns: ResourceProps = { name: 'patrolCheckIns', list: CheckInList, icon: PinDropIcon };
