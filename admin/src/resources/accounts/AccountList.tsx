import { BooleanField, Datagrid, FunctionField, List, TextField, useTranslate } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { DeactivateButton } from '../../common/DeactivateButton';
import { grantableRoles } from '../../auth/authProvider';
import { roleKey } from '../../common/enums';

/** The accounts an administrator manages; deactivation ends the account's sessions (server side). */
export const AccountList = () => {
  const translate = useTranslate();
  return (
  <List pagination={<CursorPagination />} exporter={false}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="login" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <FunctionField source="role" sortable={false} render={(r: { role: string }) => translate(roleKey(r.role))} />
      <TextField source="unit.name" label="resources.accounts.fields.unit" sortable={false} />
      <BooleanField source="active" sortable={false} />
      <DeactivateButton label="gw.accounts.deactivate" done="gw.accounts.deactivated" hidden={(r) => r.active === false || !grantableRoles().includes(String(r.role))} />
    </Datagrid>
  </List>
  );
};
