import type { MikroORM } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../context/principal';

/** Longest a principal is kept without a word from the database (a safety net under NOTIFY). */
const KEEP_MS = 60_000;

/**
 * The principals of recent sessions and API keys, by the digest of what the caller presented
 * (`session:<sha-256>`, `key:<sha-256>`), so that a signed-in request need not ask the
 * database who it is. Trusted only while this process listens to `gw_principal`
 * (auth/principal-listener.ts): every revocation, account change or change of units and
 * assignments evicts (migration …principal_notify). A lookup that raced with a notification
 * (the generation moved on) is not kept.
 */
export class PrincipalCache {
  private readonly sessions = new LRUCache<string, Readonly<Principal>>({ max: 10_000, ttl: KEEP_MS });
  private listening = false;
  private generation = 0;

  /** A kept principal, or undefined (also whenever the listener is down). */
  get(digest: string): Readonly<Principal> | undefined {
    return this.listening ? this.sessions.get(digest) : undefined;
  }

  /** Where the lookup starts: keep its answer only if no notification came meanwhile. */
  mark(): number {
    return this.generation;
  }

  keep(digest: string, principal: Principal, secondsLeft: number, since: number): void {
    if (!this.listening || since !== this.generation || secondsLeft < 2) return;
    this.sessions.set(digest, Object.freeze(principal), { ttl: Math.min(KEEP_MS, (secondsLeft - 1) * 1000) });
  }

  /** A notification: `account:<id>` evicts that account's sessions, anything else (`*`) everything. */
  changed(payload: string): void {
    this.generation += 1;
    const account = /^account:(\d+)$/.exec(payload);
    if (!account) {
      this.sessions.clear();
      return;
    }
    const id = Number(account[1]);
    for (const [digest, principal] of this.sessions.entries()) if (principal.accountId === id) this.sessions.delete(digest);
  }

  /** Listening or not: a process that may have missed notifications forgets everything. */
  setListening(listening: boolean): void {
    this.generation += 1;
    this.listening = listening;
    if (!listening) this.sessions.clear();
  }
}

/** The cache of the server running on this ORM (one per API process; none in jobs and CLIs). */
export const principalCaches = new WeakMap<MikroORM, PrincipalCache>();
