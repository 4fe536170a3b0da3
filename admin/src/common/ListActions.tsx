import type { ReactNode } from 'react';
import { CreateButton, TopToolbar, useResourceDefinition } from 'react-admin';
import { ExportButtons } from './ExportButtons';

/** Create (when the resource has a form; hidden by canAccess when the rules do not allow it) and the API's CSV/XLSX export of the list. */
export const ListActions = ({ createLabel, children }: { createLabel?: string; children?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {children}
      {hasCreate ? <CreateButton label={createLabel} /> : null}
      <ExportButtons />
    </TopToolbar>
  );
};
