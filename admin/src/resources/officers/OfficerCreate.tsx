import { Create, TextInput } from 'react-admin';

import { PersonForm } from '../../common/person/PersonForm';

export const OfficerCreate = () => (
  <Create redirect="show">
    <PersonForm create extra={<TextInput source="badgeNumber" />} />
  </Create>
);
