import { useNotify, useRefresh } from 'react-admin';
import { toHttpError } from '../data/errors';

/**
 * Runs an action of a detail screen (a mutation), tells the outcome in the message of the
 * API's code and reloads the record. ILLEGAL_TRANSITION outside cases reads "not in this state".
 */
export function useRun() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await run();
      notify(done, { type: 'success' });
      return true;
    } catch (error) {
      const message = toHttpError(error).message;
      notify(message === 'gw.errors.ILLEGAL_TRANSITION' ? 'gw.errors.STATE' : message, { type: 'error' });
      return false;
    } finally {
      refresh();
    }
  };
}
