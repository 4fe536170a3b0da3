import { Create, SimpleForm, TextInput } from 'react-admin';
import { EnumInput, GridInput, requiredValue } from '../../common/inputs';

/** The new grid's level follows its parent (the API decides); the kind defaults to the parent's. */
export const GridCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <GridInput source="parentId" required />
      <TextInput source="code" validate={requiredValue} />
      <TextInput source="name" validate={requiredValue} />
      <EnumInput source="kind" enumName="GridKind" />
    </SimpleForm>
  </Create>
);
