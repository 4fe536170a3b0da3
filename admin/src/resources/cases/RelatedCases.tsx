import { Datagrid, ReferenceManyField, TextField } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { CategoryField, EnumField, ShanghaiDateField } from '../../common/fields';

/** The cases hanging on a grid (and below it) or on a source, newest first, keyset-paged. */
export const RelatedCases = ({ target }: { target: 'withinId' | 'sourceId' }) => (
  <ReferenceManyField reference="cases" target={target} perPage={25} pagination={<CursorPagination />} sort={{ field: 'reportedAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" />
      <EnumField source="status" enumName="CaseStatus" />
      <CategoryField source="category" />
      <ShanghaiDateField source="reportedAt" />
    </Datagrid>
  </ReferenceManyField>
);
