import { Create, PasswordInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { grantableRoles } from '../../auth/authProvider';
import { roleKey } from '../../common/enums';
import { GridInput } from '../../common/inputs';

const LOGIN = /^[a-z][a-z0-9_.-]{2,59}$/;
const loginRule = (value: unknown) => (typeof value === 'string' && !LOGIN.test(value) ? 'gw.accounts.login_rule' : undefined);
const passwordRule = (value: unknown) => (typeof value === 'string' && (value.length < 10 || /^\d+$/.test(value)) ? 'gw.password.weak' : undefined);

/** New account in the admin's subtree; only the roles `me.rules` lets this admin grant are offered. */
export const AccountCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="login" validate={[required(), loginRule]} />
      <TextInput source="displayName" validate={required()} />
      <PasswordInput source="password" validate={[required(), passwordRule]} />
      <SelectInput source="role" choices={grantableRoles().map((r) => ({ id: r, name: roleKey(r) }))} validate={required()} />
      <GridInput source="unitId" required />
      <ReferenceInput source="departmentId" reference="departments" perPage={100}>
        <SelectInput optionText="name" helperText="gw.accounts.department_hint" />
      </ReferenceInput>
    </SimpleForm>
  </Create>
);
