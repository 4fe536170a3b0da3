import { FactsLayout } from '../../common/FactsLayout';
import { CreateButton, Datagrid, NumberField, ReferenceManyField, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { can } from '../../auth/authProvider';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { ProgressField } from '../../common/ProgressField';
import { useLoadError } from '../../common/useLoadError';
import { taskColumns } from '../tasks/taskColumns';

/** A plan line is a PLANNED task of this plan (the planner edits the plan by adding lines). */
const AddLine = () => {
  const plan = useRecordContext<{ id: string; title: string }>();
  if (!plan || !can('update', 'EnforcementPlan')) return null;
  return <CreateButton resource="tasks" label="gw.plan.add_task" state={{ record: { planId: plan.id, planTitle: plan.title, origin: 'PLANNED' } }} data-testid="plan-add-task" />;
};

export const PlanShow = () => (
  <Show queryOptions={useLoadError()} actions={<TopToolbar />}>
    <FactsLayout wide={['tasks']}>
      <TextField source="title" />
      <EnumField source="kind" enumName="PlanKind" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <NumberField source="month" emptyText="—" />
      <TextField source="unit.name" label="resources.enforcementPlans.fields.unit" />
      <TextField source="description" emptyText="—" />
      <ProgressField label="resources.enforcementPlans.fields.progress" />
      <AddLine />
      <ReferenceManyField reference="tasks" target="planId" filter={{ topLevel: true }} label="resources.enforcementPlans.fields.tasks" perPage={25} pagination={<CursorPagination />}>
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
          <TextField source="title" sortable={false} />
          {taskColumns}
        </Datagrid>
      </ReferenceManyField>
    </FactsLayout>
  </Show>
);
