import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';
import { ListActions } from '../../common/ListActions';
import { csvExporter, nameOf } from '../../common/csv';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { EnumInput, GridInput } from '../../common/inputs';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <EnumInput key="field" source="field" enumName="DepartmentField" alwaysOn />, <GridInput key="unitId" source="unitId" />];

const exporter = csvExporter('departments', [
  ['resources.departments.fields.name', (r) => r.name],
  ['resources.departments.fields.field', (r) => r.field],
  ['resources.departments.fields.unit', (r) => nameOf(r.unit)],
  ['resources.departments.fields.active', (r) => r.active],
]);

export const DepartmentList = () => (
  <List filters={filters} pagination={<CursorPagination />} exporter={exporter} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <EnumField source="field" enumName="DepartmentField" sortable={false} />
      <TextField source="unit.name" label="resources.departments.fields.unit" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
