import type { ReactNode } from 'react';
import { CreateButton, TopToolbar, useResourceDefinition } from 'react-admin';
import { ExportButtons } from './ExportButtons';
import { usePhone } from '../field/roles';

/** Create (when the resource has a form; hidden by canAccess when the rules do not allow it) and the API's CSV/XLSX export of the list. */
export const ListActions = ({ createLabel, children }: { createLabel?: string; children?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  // A phone has no use for a spreadsheet download; the create button becomes react-admin's floating one.
  const phone = usePhone();
  return (
    <TopToolbar>
      {children}
      {hasCreate ? <CreateButton label={createLabel} /> : null}
      {phone ? null : <ExportButtons />}
    </TopToolbar>
  );
};
