import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const AuditList = lazy(() => import('./AuditList').then((m) => ({ default: m.AuditList })));
const AuditShow = lazy(() => import('./AuditShow').then((m) => ({ default: m.AuditShow })));
const AuditCreate = lazy(() => import('./AuditCreate').then((m) => ({ default: m.AuditCreate })));

export const audits: ResourceProps = { name: 'audits', list: AuditList, show: AuditShow, create: AuditCreate, icon: FactCheckIcon, recordRepresentation: 'title' };
