import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const TaskList = lazy(() => import('./TaskList').then((m) => ({ default: m.TaskList })));
const TaskShow = lazy(() => import('./TaskShow').then((m) => ({ default: m.TaskShow })));
const TaskCreate = lazy(() => import('./TaskCreate').then((m) => ({ default: m.TaskCreate })));

export const tasks: ResourceProps = {
  name: 'tasks',
  list: TaskList,
  show: TaskShow,
  create: TaskCreate,
  icon: TaskAltIcon,
  recordRepresentation: 'title',
};
