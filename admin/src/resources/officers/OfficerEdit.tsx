import { useLoadError } from '../../common/useLoadError';
import { Edit, TextInput } from 'react-admin';

import { PersonForm } from '../../common/person/PersonForm';

export const OfficerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useLoadError()}>
    <PersonForm extra={<TextInput source="badgeNumber" />} />
  </Edit>
);
