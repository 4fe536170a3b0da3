import type { ReactNode } from 'react';
import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';
import { can } from '../../auth/authProvider';
import type { Subject } from '../../auth/ability';
import { ListActions } from '../ListActions';
import { CursorPagination } from '../CursorPagination';
import { GridInput } from '../inputs';
import { ListEmpty } from '../ListEmpty';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <GridInput key="gridId" source="gridId" alwaysOn />, <GridInput key="employerUnitId" source="employerUnitId" />];

/** Officers and grid workers share a shape (Person); the role-specific column is passed in. */
export const PersonList = ({ resource, subject, extra }: { resource: string; subject: Subject; extra: ReactNode }) => {
  return (
    <List empty={<ListEmpty />} filters={filters} pagination={<CursorPagination />} exporter={false} actions={<ListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        {extra}
        {can('read', subject, 'phone') ? <TextField source="phone" emptyText="—" sortable={false} /> : null}
        <TextField source="employerUnit.name" label={`resources.${resource}.fields.employerUnit`} sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
