import { CreateButton, ExportButton, TopToolbar } from 'react-admin';

/** Create (hidden by canAccess when the rules do not allow it) and CSV export of the list. */
export const ListActions = ({ createLabel }: { createLabel?: string }) => (
  <TopToolbar>
    <CreateButton label={createLabel} />
    <ExportButton maxResults={1000} />
  </TopToolbar>
);
