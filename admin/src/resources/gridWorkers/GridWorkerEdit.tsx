import { useLoadError } from '../../common/useLoadError';
import { Edit } from 'react-admin';
import { EnumInput } from '../../common/inputs';
import { PersonForm } from '../../common/person/PersonForm';

export const GridWorkerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useLoadError()}>
    <PersonForm extra={<EnumInput source="employment" enumName="Employment" required />} />
  </Edit>
);
