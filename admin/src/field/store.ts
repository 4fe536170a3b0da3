import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** A photo waiting to be sent: the resized bytes, and whether the server has it yet. */
export interface QueuedPhoto {
  blob: Blob;
  name: string;
  sent: boolean;
}

interface ItemBase {
  /** Also the idempotency key: a resend after a lost answer finds the same record on the server. */
  id: string;
  /** Only the account that made an item sends it (a shared phone never posts as someone else). */
  accountId: string;
  createdAt: string;
  status: 'waiting' | 'sending' | 'failed' | 'sent';
  /** Why the last attempt did not finish: an error code (gw.errors.*), NETWORK_ERROR while offline. */
  lastError: string | null;
  attempts: number;
  photos: QueuedPhoto[];
  /** What the server made of it, once it has answered (a case number, a check-in id). */
  result: { id: string; label: string } | null;
}

export interface ReportItem extends ItemBase {
  kind: 'report';
  input: {
    categoryId: string;
    gridId: string;
    description: string;
    urgency: string;
    origin: 'PATROL';
    address?: string;
    location?: { lng: number; lat: number };
  };
  /** Shown in the queue before the server has answered. */
  summary: { category: string; grid: string };
}

export interface CheckInItem extends ItemBase {
  kind: 'checkIn';
  input: { gridId: string; location: { lng: number; lat: number }; notes?: string; observedAt: string };
  summary: { grid: string };
}

export type OutboxItem = ReportItem | CheckInItem;

interface FieldDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byAccount: string } };
  /** Reference data kept for offline use (the account, categories, grids, patrol plans). */
  snapshot: { key: string; value: unknown };
}

let db: Promise<IDBPDatabase<FieldDb>> | null = null;

/** The phone's own database: survives closing the app and restarting the phone. */
export function fieldDb(): Promise<IDBPDatabase<FieldDb>> {
  db ??= openDB<FieldDb>('gridwatch-field', 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byAccount', 'accountId');
      database.createObjectStore('snapshot');
    },
  });
  return db;
}
