import BlockIcon from '@mui/icons-material/Block';
import { Button, useDelete, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate } from 'react-admin';

/** Deactivates (or revokes) the row's record through the resource's `remove` mutation. */
export const DeactivateButton = ({ label, done, hidden }: { label: string; done: string; hidden?: (r: Record<string, unknown>) => boolean }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [remove, { isPending }] = useDelete();
  if (!record || !resource || hidden?.(record)) return null;
  const run = () =>
    remove(
      resource,
      { id: record.id, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(done, { type: 'success' });
          refresh();
        },
        onError: (e) => notify(e instanceof Error ? e.message : 'gw.errors.INTERNAL_SERVER_ERROR', { type: 'error' }),
      },
    );
  return (
    <Button label={translate(label)} color="error" disabled={isPending} onClick={(e) => { e.stopPropagation(); void run(); }}>
      <BlockIcon />
    </Button>
  );
};
