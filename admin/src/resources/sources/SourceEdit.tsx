import { Edit } from 'react-admin';
import { SourceForm } from './SourceForm';

export const SourceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SourceForm />
  </Edit>
);
