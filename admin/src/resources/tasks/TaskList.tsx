import { BooleanInput, Datagrid, List, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { EnumInput, GridInput } from '../../common/inputs';
import { ListActions } from '../../common/ListActions';
import { ProgressField } from '../../common/ProgressField';
import { taskColumns } from './taskColumns';
import { ListEmpty } from '../../common/ListEmpty';

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
  <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions createLabel="gw.task.create" />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" sortable={false} />
      <EnumField source="origin" enumName="TaskOrigin" sortable={false} />
      {taskColumns}
      <ProgressField label="resources.tasks.fields.progress" />
    </Datagrid>
  </List>
);
