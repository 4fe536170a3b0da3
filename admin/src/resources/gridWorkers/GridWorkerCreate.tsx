import { Create } from 'react-admin';
import { EnumInput } from '../../common/inputs';
import { PersonForm } from '../../common/person/PersonForm';

export const GridWorkerCreate = () => (
  <Create redirect="show">
    <PersonForm create extra={<EnumInput source="employment" enumName="Employment" required />} />
  </Create>
);
