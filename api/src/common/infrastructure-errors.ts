/**
 * Failures of what the API stands on (the database, the disk), as stable codes a client can act
 * on: retry later, retry now. The message names no statement, table or path.
 */
export interface InfrastructureFailure {
  code: 'TIMEOUT' | 'STORAGE_FULL' | 'DATABASE_UNAVAILABLE';
  message: string;
  /** The HTTP status a REST route answers with. */
  status: number;
}

const TIMEOUT: InfrastructureFailure = { code: 'TIMEOUT', message: 'The database took too long to answer; nothing was changed. Try again.', status: 503 };
const STORAGE_FULL: InfrastructureFailure = { code: 'STORAGE_FULL', message: 'The server has no room left to store this; nothing was changed. Try again later.', status: 507 };
const UNAVAILABLE: InfrastructureFailure = { code: 'DATABASE_UNAVAILABLE', message: 'The database cannot be reached just now. Try again shortly.', status: 503 };

/** By SQLSTATE (PostgreSQL) or errno code (Node): 57014 query_canceled (statement_timeout), 53100 disk_full, 57P0x shutdown, 08xxx connection. */
const BY_CODE: Record<string, InfrastructureFailure> = {
  '57014': TIMEOUT,
  '53100': STORAGE_FULL,
  ENOSPC: STORAGE_FULL,
  EDQUOT: STORAGE_FULL,
  '57P01': UNAVAILABLE,
  '57P02': UNAVAILABLE,
  '57P03': UNAVAILABLE,
  '08000': UNAVAILABLE,
  '08001': UNAVAILABLE,
  '08003': UNAVAILABLE,
  '08006': UNAVAILABLE,
  ECONNREFUSED: UNAVAILABLE,
  ECONNRESET: UNAVAILABLE,
};

/** What an error wraps: its cause (the ORM's of the driver's), or Apollo's wrapping of a hook's error. */
const inner = (error: Error): unknown => error.cause ?? (error as { originalError?: unknown }).originalError;

/** The failure an error (or what it wraps) stands for; null for anything else. */
export function infrastructureFailure(error: unknown): InfrastructureFailure | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = inner(current), depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && BY_CODE[code]) return BY_CODE[code];
    // pg's (and the ORM's wrapping of them) when the server went away mid-conversation: no code is set.
    if (/Connection terminated|connection error and is not queryable|connect ECONNREFUSED|terminating connection due to/.test(current.message)) return UNAVAILABLE;
  }
  return null;
}
