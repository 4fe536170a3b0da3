import { fieldDb, type OutboxItem } from './store';

type Listener = () => void;
const listeners = new Set<Listener>();
// Other tabs of the console hear about changes too (one of them may be the one sending).
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('gridwatch-outbox');
channel?.addEventListener('message', () => listeners.forEach((l) => l()));

function changed(): void {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}

export function onOutboxChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The field outbox: every report and check-in goes here first, then to the server. */
export const outbox = {
  async put(item: OutboxItem): Promise<void> {
    await (await fieldDb()).put('outbox', item);
    changed();
  },
  async get(id: string): Promise<OutboxItem | undefined> {
    return (await fieldDb()).get('outbox', id);
  },
  /** One account's items, oldest first. */
  async list(accountId: string): Promise<OutboxItem[]> {
    const items = await (await fieldDb()).getAllFromIndex('outbox', 'byAccount', accountId);
    return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  async remove(id: string): Promise<void> {
    await (await fieldDb()).delete('outbox', id);
    changed();
  },
};
