import { BooleanInput, Datagrid, FunctionField, List, NumberField, TextField, TextInput } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { ListActions } from '../../common/ListActions';
import { percent } from '../../common/ProgressField';
import { GridInput, PersonInput } from '../../common/inputs';
import { GeneratePlans } from './GeneratePlans';
import { shanghaiMonth } from '../../common/clock';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [
  <TextInput key="month" source="month" alwaysOn helperText="gw.patrol.month_hint" />,
  <BooleanInput key="behind" source="behind" alwaysOn />,
  <PersonInput key="gridWorkerId" source="gridWorkerId" reference="gridWorkers" alwaysOn />,
  <GridInput key="withinId" source="withinId" />,
];

/** 月度巡查计划 per grid worker and grid: required (rule × sensitive-period factor), expected by now, done. */
export const PatrolPlanList = () => (
  <List empty={<ListEmpty />} filters={filters} filterDefaultValues={{ month: shanghaiMonth() }} pagination={<CursorPagination />} exporter={false} actions={<ListActions><GeneratePlans /></ListActions>}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="gridWorker.name" label="resources.patrolPlans.fields.gridWorker" sortable={false} />
      <TextField source="grid.name" label="resources.patrolPlans.fields.grid" sortable={false} />
      <TextField source="month" sortable={false} />
      <NumberField source="requiredCount" sortable={false} />
      <NumberField source="expectedCount" sortable={false} />
      <NumberField source="doneCount" sortable={false} />
      <FunctionField source="completionRate" sortable={false} render={(r: { completionRate?: number }) => percent(r.completionRate)} />
      <NumberField source="factor" sortable={false} />
    </Datagrid>
  </List>
);
