import { BooleanInput, Datagrid, List, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField, ShanghaiDateField } from '../../common/fields';
import { EnumInput, GridInput } from '../../common/inputs';
import { ListActions } from '../../common/ListActions';
import { ProgressField } from '../../common/ProgressField';
import { OverdueFlag } from './OverdueFlag';

const filters = [
  <EnumInput key="origin" source="origin" enumName="TaskOrigin" alwaysOn />,
  <EnumInput key="status" source="status" enumName="TaskStatus" alwaysOn />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <BooleanInput key="assignedToMe" source="assignedToMe" />,
  <BooleanInput key="topLevel" source="topLevel" />,
  <GridInput key="withinId" source="withinId" />,
];

/** Tasks in territory; the menu's "overdue tasks" opens it with `overdue` ticked. */
export const TaskList = () => (
  <List filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions createLabel="gw.task.create" />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" sortable={false} />
      <EnumField source="origin" enumName="TaskOrigin" sortable={false} />
      <EnumField source="status" enumName="TaskStatus" sortable={false} />
      <TextField source="grid.name" label="resources.tasks.fields.grid" sortable={false} />
      <TextField source="officer.name" label="resources.tasks.fields.officer" sortable={false} emptyText="—" />
      <TextField source="gridWorker.name" label="resources.tasks.fields.gridWorker" sortable={false} emptyText="—" />
      <ShanghaiDateField source="dueAt" sortable={false} emptyText="—" />
      <OverdueFlag label="resources.tasks.fields.overdue" />
      <ProgressField label="resources.tasks.fields.progress" />
    </Datagrid>
  </List>
);
