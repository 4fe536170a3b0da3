import { useNotify, useRedirect, useResourceContext } from 'react-admin';

/**
 * A record that fails to load (NOT_FOUND outside one's territory, FORBIDDEN, ...) is reported
 * with the message mapped from the API's code, then the list is shown.
 */
export function useLoadError() {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return {
    onError: (error: unknown) => {
      notify(error instanceof Error && error.message.startsWith('gw.') ? error.message : 'ra.notification.item_doesnt_exist', { type: 'error' });
      redirect('list', resource);
    },
  };
}
