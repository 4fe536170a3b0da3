import { Client } from 'pg';
import type { Logger } from 'pino';
import type { PrincipalCache } from './principal-cache';

const RECONNECT_MS = 1_000;

/**
 * LISTEN gw_principal on a connection of its own, feeding the cache; on a lost connection the
 * cache stops being trusted until the listener is back (it may have missed a revocation).
 */
export async function listenForPrincipalChanges(url: string, cache: PrincipalCache, logger: Logger): Promise<{ close(): Promise<void> }> {
  let client: Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (!closed) retry = setTimeout(() => void connect().catch(schedule), RECONNECT_MS);
  };
  const connect = async (): Promise<void> => {
    const next = new Client(url);
    next.on('notification', (message) => cache.changed(message.payload ?? '*'));
    next.on('error', (error) => logger.warn({ err: error }, 'principal listener lost its connection'));
    next.on('end', () => {
      // Only an established listener's end matters (a failed attempt is retried by its caller).
      if (client !== next) return;
      client = null;
      cache.setListening(false);
      schedule();
    });
    try {
      await next.connect();
      await next.query('LISTEN gw_principal');
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    cache.setListening(true);
  };

  await connect().catch((error: unknown) => {
    logger.warn({ err: error }, 'principal listener could not start: sessions are looked up on every request');
    schedule();
  });
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      cache.setListening(false);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
