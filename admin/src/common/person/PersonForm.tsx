import type { ReactNode } from 'react';
import { SimpleForm, TextInput } from 'react-admin';
import { GridArrayInput, GridInput, requiredValue } from '../inputs';

/** The employer is set at creation (moving a person to another employer is not an edit). */
export const PersonForm = ({ extra, create = false }: { extra: ReactNode; create?: boolean }) => (
  <SimpleForm>
    <TextInput source="name" validate={requiredValue} />
    {extra}
    <TextInput source="phone" />
    {create ? <GridInput source="employerUnitId" required /> : null}
    <GridArrayInput source="gridIds" />
  </SimpleForm>
);
