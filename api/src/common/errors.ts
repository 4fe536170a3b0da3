import { GraphQLError } from 'graphql';

/** Stable codes a client can switch on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION'
  | 'PARTNERS_PENDING'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Base for every expected failure: it reaches the client with its code; anything else is masked. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, fields: FieldProblem[] = []) {
    super('BAD_USER_INPUT', message, fields.length ? { fields, field: fields[0].field } : {});
  }
}

/** Also used for records outside the caller's scope, so both look the same. */
export class NotFoundError extends DomainError {
  constructor(type: string, id: string) {
    super('NOT_FOUND', `${type} ${id} not found`, { type, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('CONFLICT', message, extra);
  }
}

/** A workflow step the record's current state does not allow; nothing was written. */
export class IllegalTransitionError extends DomainError {
  constructor(message: string, extra: Record<string, unknown>) {
    super('ILLEGAL_TRANSITION', message, extra);
  }
}

/** 联合执法: the lead's feedback while partner departments, still within their deadline, have not fed back. */
export class PartnersPendingError extends DomainError {
  constructor(pendingDepartments: string[]) {
    super('PARTNERS_PENDING', `Partner departments have not fed back yet: ${pendingDepartments.join(', ')}`, { pendingDepartments });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed', extra: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extra);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message);
  }
}
