import type { Pool } from 'pg';

/**
 * A pooled connection dropped while idle (the database restarted or failed over) is replaced on
 * next use; an 'error' event nobody hears would end the whole process instead.
 */
export function survivePoolIdleErrors(pools: readonly Pool[], warn: (error: Error) => void): void {
  for (const pool of pools) pool.on('error', warn);
}
