import { useEffect } from 'react';
import { currentMe } from '../auth/authProvider';
import { FieldNav } from './FieldNav';
import { useFieldMode } from './roles';
import { startOutboxSender } from './sender';

/**
 * Runs for every signed-in account (an item queued on a phone is still sent if the app next
 * opens on a wider screen); the bottom bar only for field roles on a phone.
 */
export const FieldShell = () => {
  const field = useFieldMode();
  const accountId = currentMe()?.account.id;
  useEffect(() => (accountId ? startOutboxSender(accountId) : undefined), [accountId]);
  return field ? <FieldNav /> : null;
};
