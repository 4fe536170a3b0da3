import { currentMe } from '../auth/authProvider';
import { now } from '../common/clock';
import { outbox } from './outbox';
import { flushOutbox } from './sender';
import type { CheckInItem, OutboxItem, ReportItem } from './store';

type NewItem = Omit<ReportItem, keyof Base> | Omit<CheckInItem, keyof Base>;
type Base = Omit<ReportItem, 'kind' | 'input' | 'summary' | 'photos'>;

/**
 * Keeps the item on the phone first, then tries to send it: nothing typed in the field is
 * lost to a dead network. Answers with the item as it stands after a first attempt (at most
 * `waitMs`): `sent` with the server's number, or still waiting.
 */
export async function enqueue(item: NewItem, waitMs = 8_000): Promise<OutboxItem> {
  const me = currentMe();
  if (!me) throw new Error('gw.auth.sign_in_first');
  const full = {
    ...item,
    id: crypto.randomUUID(),
    accountId: me.account.id,
    createdAt: now().toISOString(),
    status: 'waiting',
    lastError: null,
    attempts: 0,
    result: null,
  } as OutboxItem;
  await outbox.put(full);
  await Promise.race([flushOutbox(me.account.id).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, waitMs))]);
  return (await outbox.get(full.id)) ?? full;
}
