import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ExportButtons } from './ExportButtons';
import { usePhone } from '../field/roles';

/**
 * The list's filters beyond the always-shown ones (react-admin's add-filter button, with saved
 * queries), create (when the resource has a form; hidden by canAccess when the rules do not
 * allow it) and the API's CSV/XLSX export of the list.
 */
export const ListActions = ({ createLabel, children }: { createLabel?: string; children?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  // A list without filters has no add-filter button (react-admin's throws without them).
  const filters = useFilterContext();
  // A phone has no use for a spreadsheet download; the create button becomes react-admin's floating one.
  const phone = usePhone();
  return (
    <TopToolbar>
      {children}
      {filters?.length ? <FilterButton /> : null}
      {hasCreate ? <CreateButton label={createLabel} /> : null}
      {phone ? null : <ExportButtons />}
    </TopToolbar>
  );
};
