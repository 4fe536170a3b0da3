import { BooleanInput, Datagrid, FunctionField, List, NumberField, TextField, TextInput, useListContext } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { ListActions } from '../../common/ListActions';
import { percent } from '../../common/ProgressField';
import { GridInput, PersonInput } from '../../common/inputs';
import { GeneratePlans } from './GeneratePlans';
import { ListEmpty } from '../../common/ListEmpty';
import { EarlierMonthNote, useLatestMonth } from '../../common/useLatestMonth';

const filters = [
  <TextInput key="month" source="month" alwaysOn helperText="gw.patrol.month_hint" />,
  <BooleanInput key="behind" source="behind" alwaysOn />,
  <PersonInput key="gridWorkerId" source="gridWorkerId" reference="gridWorkers" alwaysOn />,
  <GridInput key="withinId" source="withinId" />,
];

/** 月度巡查计划 per grid worker and grid: required (rule × sensitive-period factor), expected by now, done. */
export const PatrolPlanList = () => {
  // The list opens on the latest month with plans (this one once they are generated).
  const latest = useLatestMonth('latestPatrolPlanMonth');
  if (latest === undefined) return null;
  return (
  <List empty={<ListEmpty />} filters={filters} filterDefaultValues={{ month: latest }} aside={<MonthNote latest={latest} />} pagination={<CursorPagination />} exporter={false} actions={<ListActions><GeneratePlans /></ListActions>}>
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
};

/** Beside the list: why it shows an earlier month (this month's plans are not generated yet). */
const MonthNote = ({ latest }: { latest: string }) => {
  const { filterValues } = useListContext();
  return <EarlierMonthNote month={latest} shown={String(filterValues.month ?? '')} />;
};
