import { BooleanField, Datagrid, EditButton, FunctionField, List, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { DeactivateButton } from '../../common/DeactivateButton';
import { grantableRoles } from '../../auth/authProvider';
import { roleKey } from '../../common/enums';
import { ListEmpty } from '../../common/ListEmpty';

/** Only accounts of a role this admin may grant can be edited (not its own, not its peers'). */
const EditIfGrantable = () => {
  const record = useRecordContext();
  return record && record.active !== false && grantableRoles().includes(String(record.role)) ? <EditButton /> : null;
};

/** The accounts an administrator manages; deactivation ends the account's sessions (server side). */
export const AccountList = () => {
  const translate = useTranslate();
  return (
  <List empty={<ListEmpty />} pagination={<CursorPagination />} exporter={false}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="login" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <FunctionField source="role" sortable={false} render={(r: { role: string }) => translate(roleKey(r.role))} />
      <TextField source="unit.name" label="resources.accounts.fields.unit" sortable={false} />
      <TextField source="department.name" label="resources.accounts.fields.departmentId" sortable={false} emptyText="-" />
      <BooleanField source="active" sortable={false} />
      <EditIfGrantable />
      <DeactivateButton label="gw.accounts.deactivate" done="gw.accounts.deactivated" hidden={(r) => r.active === false || !grantableRoles().includes(String(r.role))} />
    </Datagrid>
  </List>
  );
};
