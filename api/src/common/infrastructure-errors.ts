import { HeaderMap, type GraphQLResponse } from '@apollo/server';

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
const COMMIT_UNKNOWN: InfrastructureFailure = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database went away while saving: the change may or may not have been saved. Try again shortly with the same idempotency key.',
  status: 503,
};

/**
 * The connection failed while COMMIT was under way: PostgreSQL may have committed before it went,
 * so the client must not be told success, nor that nothing changed.
 */
export class CommitOutcomeUnknown extends Error {
  constructor(cause: unknown) {
    super('The connection failed during COMMIT', { cause });
    this.name = 'CommitOutcomeUnknown';
  }
}


/** By SQLSTATE (PostgreSQL) or errno code (Node): 57014 query_canceled (statement_timeout), 53100 disk_full, 57P0x shutdown (08xxx connection below). */
const BY_CODE: Record<string, InfrastructureFailure> = {
  '57014': TIMEOUT,
  '53100': STORAGE_FULL,
  ENOSPC: STORAGE_FULL,
  EDQUOT: STORAGE_FULL,
  '57P01': UNAVAILABLE,
  '57P02': UNAVAILABLE,
  '57P03': UNAVAILABLE,
  ECONNREFUSED: UNAVAILABLE,
  ECONNRESET: UNAVAILABLE,
};

/** Class 08 (connection exception: 08000, 08001, 08003, 08006, 08P01...): the database cannot be talked to. */
const CONNECTION_CLASS = /^08[0-9A-Z]{3}$/;

/**
 * pg's, pg-pool's and knex's (under the ORM) when the server went away mid-conversation or cannot
 * be reached: no code is set. knex ends a transaction whose connection errored (rolled back, never
 * committed), and the next statement in it fails with "Transaction query already complete" (seen
 * when PostgreSQL was killed between two statements of a report).
 */
const UNREACHABLE =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|connect ECONNREFUSED|terminating connection due to|timeout exceeded when trying to connect|Timeout acquiring a connection|Transaction query already complete/;

/** What an error wraps: its cause (the ORM's of the driver's), or Apollo's wrapping of a hook's error. */
const inner = (error: Error): unknown => error.cause ?? (error as { originalError?: unknown }).originalError;

/** The failure an error (or what it wraps) stands for; null for anything else. */
export function infrastructureFailure(error: unknown): InfrastructureFailure | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = inner(current), depth += 1) {
    if (current instanceof CommitOutcomeUnknown) return COMMIT_UNKNOWN;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && BY_CODE[code]) return BY_CODE[code];
    if (typeof code === 'string' && CONNECTION_CLASS.test(code)) return UNAVAILABLE;
    if (UNREACHABLE.test(current.message)) return UNAVAILABLE;
  }
  return null;
}

/** A GraphQL answer with only this failure (the formatted error, as formatError would give it). */
export function failureBody(failure: InfrastructureFailure, requestId?: string) {
  return { errors: [{ message: failure.message, extensions: { code: failure.code, ...(requestId ? { requestId } : {}) } }] };
}

/**
 * What a GraphQL hook answers when the database failed under it (opening or finishing the unit
 * of work, a compiled read): Apollo would mask a hook's throw as INTERNAL_SERVER_ERROR. Anything
 * else is rethrown.
 */
export function unavailableResponse(error: unknown): GraphQLResponse {
  const failure = infrastructureFailure(error);
  if (!failure) throw error;
  return { http: { status: failure.status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: failureBody(failure) } };
}
