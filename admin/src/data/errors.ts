import { ApolloError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { HttpError } from 'react-admin';
import { fieldMessage } from './fieldMessages';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'PARTNERS_PENDING',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'NETWORK_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  requestId?: string;
  fields?: { field: string; message: string }[];
  errors?: Record<string, string>;
}

function isCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function firstGraphQLError(error: unknown): GraphQLFormattedError | undefined {
  if (error instanceof ApolloError) return error.graphQLErrors[0];
  if (error instanceof HttpError && error.body instanceof ApolloError) return error.body.graphQLErrors[0];
  return undefined;
}

function isNetwork(error: unknown): boolean {
  if (error instanceof ApolloError) return error.networkError != null;
  return error instanceof HttpError && error.status !== 200 && !(error.body instanceof ApolloError);
}

/**
 * One place maps the API's `extensions.code` to what react-admin shows: the message is a
 * translation key (gw.errors.<CODE>) and `body.errors` names the form fields at fault.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError && error.body && typeof error.body === 'object' && 'code' in error.body) return error;
  const gqlError = firstGraphQLError(error);
  const extensions = gqlError?.extensions ?? {};
  const code: ErrorCode = isCode(extensions.code) ? extensions.code : isNetwork(error) ? 'NETWORK_ERROR' : 'INTERNAL_SERVER_ERROR';
  const fields = Array.isArray(extensions.fields) ? (extensions.fields as { field: string; message: string }[]) : undefined;
  const body: ApiErrorBody = { code, fields };
  if (typeof extensions.requestId === 'string') body.requestId = extensions.requestId;
  // react-admin's forms read server-side field errors from body.errors: what is wrong with the
  // value in the pack's words (the API's are English), or our message for the code when it names only a field.
  if (fields?.length) {
    // A point is two inputs on the forms (lng, lat), one `location` in the API.
    body.errors = Object.fromEntries(fields.map((f) => [f.field.replace(/^input\./, '').replace(/^location\./, ''), fieldMessage(f.message)]));
  } else if (typeof extensions.field === 'string') {
    body.errors = { [extensions.field.replace(/^input\./, '')]: `gw.errors.${code}` };
  }
  const status = statusOf(code);
  return new HttpError(`gw.errors.${code}`, status, body);
}

function statusOf(code: ErrorCode): number {
  return code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' || code === 'ILLEGAL_TRANSITION' || code === 'PARTNERS_PENDING' ? 409 : code === 'BAD_USER_INPUT' ? 400 : 500;
}

/** An error code from a REST answer (evidence uploads) as the same HttpError. */
export function httpErrorOfCode(code: unknown): HttpError {
  const known: ErrorCode = isCode(code) ? code : 'BAD_REQUEST';
  return new HttpError(`gw.errors.${known}`, statusOf(known), { code: known });
}

export function errorCodeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof HttpError && error.body && typeof error.body === 'object' && 'code' in error.body) {
    const code = (error.body as { code: unknown }).code;
    return isCode(code) ? code : undefined;
  }
  return undefined;
}
