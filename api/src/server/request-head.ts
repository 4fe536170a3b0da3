import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A request's correlation id: the caller's, when well-formed, else a new one. Logs and errors carry it. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const incoming = String(headers['x-request-id'] ?? '');
  return REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export type BodyErrorCode = 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST' | 'INTERNAL_SERVER_ERROR';

const bodyErrorMessages: Record<BodyErrorCode, string> = {
  PAYLOAD_TOO_LARGE: 'Request body too large',
  BAD_REQUEST: 'Malformed request',
  INTERNAL_SERVER_ERROR: 'Internal server error',
};

/** A body that could not be read, as a GraphQL-shaped error (never an HTML page or a stack). */
export function bodyError(code: BodyErrorCode, requestId?: string): { errors: { message: string; extensions: Record<string, string> }[] } {
  return { errors: [{ message: bodyErrorMessages[code], extensions: { code, ...(requestId ? { requestId } : {}) } }] };
}

/** The answer to a malformed body read outside Express, byte for byte what Express's error handler sends. */
export function malformedBody(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(bodyError('BAD_REQUEST')));
}
