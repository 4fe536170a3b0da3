import { Datagrid, List, NumberField, NumberInput, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { EnumInput, GridInput } from '../../common/inputs';
import { ListActions } from '../../common/ListActions';
import { ProgressField } from '../../common/ProgressField';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [
  <EnumInput key="kind" source="kind" enumName="PlanKind" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
  <GridInput key="unitId" source="unitId" />,
];

/** 执法计划: the unit's, its lower units' and the plans of the units above. */
export const PlanList = () => (
  <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" sortable={false} />
      <EnumField source="kind" enumName="PlanKind" sortable={false} />
      <NumberField source="year" sortable={false} options={{ useGrouping: false }} />
      <NumberField source="month" sortable={false} emptyText="—" />
      <TextField source="unit.name" label="resources.enforcementPlans.fields.unit" sortable={false} />
      <ProgressField label="resources.enforcementPlans.fields.progress" />
    </Datagrid>
  </List>
);
