import { Datagrid, FunctionField, List, TextField, useTranslate } from 'react-admin';
import { CursorPagination } from '../../common/CursorPagination';
import { DeactivateButton } from '../../common/DeactivateButton';
import { ShanghaiDateField } from '../../common/fields';
import { ListEmpty } from '../../common/ListEmpty';

/** Keys by name and visible prefix (the secret itself is never shown again). */
export const ApiKeyList = () => {
  const translate = useTranslate();
  return (
    <List empty={<ListEmpty />} pagination={<CursorPagination />} exporter={false}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="prefix" sortable={false} />
        <FunctionField source="scopes" sortable={false} render={(r: { scopes: string[] }) => r.scopes.map((s) => translate(`gw.enum.ApiKeyScope.${s}`)).join('、')} />
        <TextField source="rateLimitPerMinute" sortable={false} />
        <ShanghaiDateField source="expiresAt" emptyText="—" sortable={false} />
        <ShanghaiDateField source="revokedAt" emptyText="—" sortable={false} />
        <DeactivateButton label="gw.apiKeys.revoke" done="gw.apiKeys.revoked" hidden={(r) => r.revokedAt != null} />
      </Datagrid>
    </List>
  );
};
