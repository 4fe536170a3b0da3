import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { FieldProblem } from '../common/errors';
import { infrastructureFailure } from '../common/infrastructure-errors';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The one place that decides what an error looks like to a client. Expected errors keep
 * their message and code; validation errors name the fields; anything else (SQL, bugs)
 * becomes INTERNAL_SERVER_ERROR and is logged with the request id instead.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const fields = flatten(original.extensions.validationErrors as unknown as ValidationError[]);
    return {
      message: `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
    };
  }
  if (original instanceof OptimisticLockError) {
    return { message: 'The record was changed by someone else; reload it', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  if (original instanceof UniqueConstraintViolationException) {
    return { message: 'A record with the same unique value already exists', path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  const failure = infrastructureFailure(original);
  if (failure) return { message: failure.message, path: formatted.path, extensions: { code: failure.code } };
  if (original instanceof GraphQLError && typeof formatted.extensions?.code === 'string' && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** True when formatError masks this error: those are logged with their cause. */
export function isUnexpected(error: GraphQLError): boolean {
  return formatError({ message: error.message, extensions: error.extensions }, error).extensions?.code === 'INTERNAL_SERVER_ERROR';
}
