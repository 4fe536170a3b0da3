import { useLoadError } from '../../common/useLoadError';
import { Edit } from 'react-admin';
import { SourceForm } from './SourceForm';

export const SourceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useLoadError()}>
    <SourceForm />
  </Edit>
);
