import { useLoadError } from '../../common/useLoadError';
import { Edit, NumberInput, SimpleForm, TextInput } from 'react-admin';
import { GridInput, requiredValue } from '../../common/inputs';

export const GridEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useLoadError()}>
    <SimpleForm>
      <TextInput source="code" validate={requiredValue} />
      <TextInput source="name" validate={requiredValue} />
      <GridInput source="parentId" />
      <NumberInput source="lng" step={0.000001} />
      <NumberInput source="lat" step={0.000001} />
    </SimpleForm>
  </Edit>
);
