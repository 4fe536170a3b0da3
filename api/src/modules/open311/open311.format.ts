import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import { BadInputError, DomainError, type FieldProblem } from '../../common/errors';
import { infrastructureFailure } from '../../common/infrastructure-errors';
import type { Open311Error } from './open311.types';

export type Format = 'json' | 'xml';

export function formatOf(raw: string | undefined): Format | null {
  return raw === 'json' || raw === 'xml' ? raw : null;
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });

/** XML has no null: an absent value is an empty element, a boolean its word. */
function xmlValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(xmlValue);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlValue(item)]));
  return value;
}

/**
 * One answer in the asked format: JSON as the list or object itself, XML under the spec's root
 * and item elements (`<services><service>`, `<service_requests><request>`, `<errors><error>`).
 */
export function send(res: Response, format: Format, status: number, body: unknown, root: string, item?: string): void {
  res.status(status).setHeader('cache-control', 'private, no-store');
  if (format === 'json') {
    res.json(body);
    return;
  }
  const content = item ? { [item]: xmlValue(body) } : xmlValue(body);
  res.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: content }) as string}`);
}

/** The HTTP statuses of GeoReport v2: 403 for a missing or invalid api_key, 404 for an unknown jurisdiction, service or request, 400 otherwise. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  JURISDICTION_NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  ILLEGAL_TRANSITION: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** NOT_FOUND says what was not found: the spec names a jurisdiction and a service apart. */
const NOT_FOUND_TYPES: Record<string, string> = { Service: 'SERVICE_NOT_FOUND', Jurisdiction: 'JURISDICTION_NOT_FOUND' };

/**
 * An expected failure as the spec's error list, with the API's stable code (extensions.code)
 * and its HTTP status; null for anything else (a bug, the database), which the caller masks.
 */
export function specErrors(error: unknown, specField: (field: string) => string): { status: number; errors: Open311Error[] } | null {
  if (error instanceof BadInputError) {
    const fields = (error.extensions.fields as FieldProblem[] | undefined) ?? [];
    const errors = fields.length
      ? fields.map((f) => ({ code: 'BAD_USER_INPUT', description: `${specField(f.field)}: ${f.message}` }))
      : [{ code: 'BAD_USER_INPUT', description: error.message }];
    return { status: 400, errors };
  }
  if (error instanceof DomainError) {
    const base = String(error.extensions.code);
    const code = base === 'NOT_FOUND' ? (NOT_FOUND_TYPES[String(error.extensions.type)] ?? base) : base;
    return { status: STATUS[code] ?? 400, errors: [{ code, description: error.message }] };
  }
  if (error instanceof OptimisticLockError || error instanceof UniqueConstraintViolationException) {
    return { status: 409, errors: [{ code: 'CONFLICT', description: 'The request conflicts with another one; try again' }] };
  }
  // The database is away (or went away at COMMIT): retry later, as every other route says.
  const failure = infrastructureFailure(error);
  if (failure) return { status: failure.status, errors: [{ code: failure.code, description: failure.message }] };
  // Express's body parsers: a malformed or oversized body.
  const parser = error as { status?: number; type?: string };
  if (typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
    const code = parser.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    return { status: STATUS[code], errors: [{ code, description: code === 'BAD_REQUEST' ? 'Malformed request body' : 'Request body too large' }] };
  }
  return null;
}
