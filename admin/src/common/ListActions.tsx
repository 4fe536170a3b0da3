import type { ReactNode } from 'react';
import { CreateButton, TopToolbar } from 'react-admin';
import { ExportButtons } from './ExportButtons';

/** Create (hidden by canAccess when the rules do not allow it) and the API's CSV/XLSX export of the list. */
export const ListActions = ({ createLabel, children }: { createLabel?: string; children?: ReactNode }) => (
  <TopToolbar>
    {children}
    <CreateButton label={createLabel} />
    <ExportButtons />
  </TopToolbar>
);
