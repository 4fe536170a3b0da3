import FunctionsIcon from '@mui/icons-material/Functions';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const IndicatorList = lazy(() => import('./IndicatorList').then((m) => ({ default: m.IndicatorList })));
const IndicatorCreate = lazy(() => import('./IndicatorCreate').then((m) => ({ default: m.IndicatorCreate })));

export const assessmentIndicators: ResourceProps = { name: 'assessmentIndicators', list: IndicatorList, create: IndicatorCreate, icon: FunctionsIcon, recordRepresentation: 'name' };
