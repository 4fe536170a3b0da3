import { Edit, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, required } from 'react-admin';
import { grantableRoles } from '../../auth/authProvider';
import { roleKey } from '../../common/enums';
import { GridInput } from '../../common/inputs';
import { useLoadError } from '../../common/useLoadError';

const DEPARTMENT_ROLES = ['CITY_DEPARTMENT', 'COUNTY_DEPARTMENT'];
const departmentRule = (value: unknown, all: Record<string, unknown>) =>
  DEPARTMENT_ROLES.includes(String(all.role)) && !value ? 'gw.accounts.department_hint' : undefined;

/**
 * Name, role, unit and department of an account this admin manages. Roles offered are the
 * ones `me.rules` lets it grant; the API refuses the rest (and ends the account's sessions
 * when role or unit change). Only changed fields are sent.
 */
export const AccountEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" queryOptions={useLoadError()}>
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
      <TextInput source="login" disabled />
      <TextInput source="displayName" validate={required()} />
      <SelectInput source="role" choices={grantableRoles().map((r) => ({ id: r, name: roleKey(r) }))} validate={required()} helperText="gw.accounts.role_hint" />
      <GridInput source="unitId" required />
      <ReferenceInput source="departmentId" reference="departments" perPage={100}>
        <SelectInput optionText="name" helperText="gw.accounts.department_hint" validate={departmentRule} />
      </ReferenceInput>
    </SimpleForm>
  </Edit>
);
