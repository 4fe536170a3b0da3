/** Where a query's reads go, and the header that carries a client's last write: shared by the context, the compiled reads and the router (server/read-router.ts). */
/*
 * Reads that may be slightly stale go to the streaming replica; a client that wrote carries
 * its commit's LSN back (x-gridwatch-lsn) and reads from the primary until the replica has
 * replayed past it. A replica behind by more than the lag budget, or not answering, is left
 * out until it catches up. Mutations, REST routes other than the exports, and jobs never come
 * here: the primary.
 */

export type ReadTarget = 'primary' | 'replica';

/** Sent with a mutation's answer and sent back by the client: its last commit's WAL position. */
export const LSN_HEADER = 'x-gridwatch-lsn';
/** Which server answered a query (diagnosis and tests). */
export const READ_FROM_HEADER = 'x-gridwatch-read';

/** A WAL position `16/B374D848` as a number (null when malformed: then it is not trusted to be old). */
export function parseLsn(text: unknown): bigint | null {
  const match = typeof text === 'string' ? /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim()) : null;
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : null;
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The LSN a request carries: a malformed one reads from the primary (never a stale answer for a client that wrote). */
export function lsnOf(header: string | string[] | undefined): bigint | null | 'malformed' {
  if (header === undefined) return null;
  return parseLsn(Array.isArray(header) ? header[0] : header) ?? 'malformed';
}


/** The replica's URL with the app role's credentials: an owner's login there would skip row-level security. */
export function replicaAppUrl(primaryAppUrl: string, replicaUrl: string): string {
  const app = new URL(primaryAppUrl);
  const replica = new URL(replicaUrl);
  app.hostname = replica.hostname;
  app.port = replica.port;
  if (replica.pathname.length > 1) app.pathname = replica.pathname;
  return app.toString();
}
