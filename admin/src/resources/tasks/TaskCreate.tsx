import { Typography } from '@mui/material';
import { Create, DateInput, SelectInput, SimpleForm, TextInput, useRecordFromLocation, useTranslate } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { GridInput, PersonInput, requiredValue } from '../../common/inputs';

interface Context {
  planId?: string;
  planTitle?: string;
  parentId?: string;
  parentTitle?: string;
  parentGridId?: string;
}

/** What the new task hangs under (a plan line or a subtask), shown above the form. */
const Under = ({ record }: { record: Context | null }) => {
  const translate = useTranslate();
  if (record?.parentTitle) return <Typography data-testid="task-under">{translate('gw.task.subtask_of', { title: record.parentTitle })}</Typography>;
  if (record?.planTitle) return <Typography data-testid="task-under">{translate('gw.task.line_of', { title: record.planTitle })}</Typography>;
  return null;
};

const NON_PLANNED = enumChoices('TaskOrigin').filter((c) => c.id !== 'PLANNED');

/**
 * 交办/分解: a plan line (planId), a subtask (parentId: on the parent's grid or below, due no
 * later than it) or a non-planned task with its origin and deadline.
 */
const TaskForm = () => {
  // A plan line or a subtask is opened with its plan / parent in the location (CreateButton state).
  const record = useRecordFromLocation() as Context | null;
  const planned = Boolean(record?.planId) && !record?.parentId;
  const free = !record?.planId && !record?.parentId;
  return (
    <SimpleForm>
      <Under record={record} />
      <TextInput source="title" validate={requiredValue} fullWidth />
      {free ? <SelectInput source="origin" choices={NON_PLANNED} validate={requiredValue} /> : null}
      <GridInput source="gridId" required filter={record?.parentGridId ? { withinId: record.parentGridId } : undefined} />
      <PersonInput source="officerId" reference="officers" />
      <PersonInput source="gridWorkerId" reference="gridWorkers" />
      <DateInput source="dueAt" label="resources.tasks.fields.dueOn" validate={free ? requiredValue : undefined} helperText={planned ? false : 'resources.tasks.fields.dueHint'} />
      <TextInput source="description" multiline fullWidth />
    </SimpleForm>
  );
};

export const TaskCreate = () => (
  <Create redirect="show">
    <TaskForm />
  </Create>
);
