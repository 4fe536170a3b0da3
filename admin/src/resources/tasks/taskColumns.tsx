import { TextField } from 'react-admin';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { OverdueFlag } from './OverdueFlag';

/** The columns a task row shows wherever tasks are listed (the task list, a plan's lines). */
export const taskColumns = [
  <EnumField key="status" source="status" enumName="TaskStatus" sortable={false} />,
  <TextField key="grid" source="grid.name" label="resources.tasks.fields.grid" sortable={false} />,
  <TextField key="officer" source="officer.name" label="resources.tasks.fields.officer" sortable={false} emptyText="—" />,
  <TextField key="gridWorker" source="gridWorker.name" label="resources.tasks.fields.gridWorker" sortable={false} emptyText="—" />,
  <ShanghaiDateField key="dueAt" source="dueAt" sortable={false} emptyText="—" />,
  <OverdueFlag key="overdue" label="resources.tasks.fields.overdue" />,
];
