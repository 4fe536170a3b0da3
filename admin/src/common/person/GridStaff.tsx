import type { ReactNode } from 'react';
import { Datagrid, ReferenceManyField, TextField } from 'react-admin';

/** The people of one kind attached to a grid (officers or grid workers), on the grid's detail. */
export const GridStaff = ({ resource, label, own }: { resource: 'officers' | 'gridWorkers'; label: string; own: ReactNode }) => (
  <ReferenceManyField reference={resource} target="gridId" perPage={25} label={label}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      {own}
      <TextField source="employerUnit.name" label={`resources.${resource}.fields.employerUnit`} />
    </Datagrid>
  </ReferenceManyField>
);
