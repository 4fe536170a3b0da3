import { useCallback, useEffect, useState } from 'react';
import { currentMe } from '../auth/authProvider';
import { onOutboxChange, outbox } from './outbox';
import type { OutboxItem } from './store';

/** The signed-in account's outbox, live: every change (here or in another tab) reloads it. */
export function useOutbox(): { items: OutboxItem[]; loaded: boolean; waiting: number; failed: number } {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const load = useCallback(() => {
    const me = currentMe();
    if (me) void outbox.list(me.account.id).then(setItems, () => undefined);
  }, []);
  useEffect(() => {
    load();
    return onOutboxChange(load);
  }, [load]);
  const list = items ?? [];
  return {
    items: list,
    loaded: items !== null,
    waiting: list.filter((i) => i.status === 'waiting' || i.status === 'sending').length,
    failed: list.filter((i) => i.status === 'failed').length,
  };
}

/** navigator.onLine, kept current (it only says whether there is a network at all). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}
