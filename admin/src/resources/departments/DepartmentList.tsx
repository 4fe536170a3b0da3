import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';
import { ListActions } from '../../common/ListActions';
import { CursorPagination } from '../../common/CursorPagination';
import { EnumField } from '../../common/fields';
import { EnumInput, GridInput } from '../../common/inputs';
import { ListEmpty } from '../../common/ListEmpty';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <EnumInput key="field" source="field" enumName="DepartmentField" alwaysOn />, <GridInput key="unitId" source="unitId" />];


export const DepartmentList = () => (
  <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <EnumField source="field" enumName="DepartmentField" sortable={false} />
      <TextField source="unit.name" label="resources.departments.fields.unit" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
