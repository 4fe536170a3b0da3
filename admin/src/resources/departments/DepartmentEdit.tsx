import { useLoadError } from '../../common/useLoadError';
import { Edit } from 'react-admin';
import { DepartmentForm } from './DepartmentForm';

export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useLoadError()}>
    <DepartmentForm />
  </Edit>
);
