import { Authorized, type AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import type { Action, SubjectType } from './ability';

export const PUBLIC = 'public';
export const SIGNED_IN = 'signed-in';

/**
 * Every query and mutation carries exactly one of these. The requirement is a type-level
 * gate (may this caller ever do `action` on `subject`?); the services then check the
 * record itself, and the scope filter bounds every SQL statement.
 */
export const Public = (): MethodDecorator & PropertyDecorator => Authorized(PUBLIC);
export const SignedIn = (): MethodDecorator & PropertyDecorator => Authorized(SIGNED_IN);
export const Requires = (action: Action, subject: SubjectType): MethodDecorator & PropertyDecorator =>
  Authorized(`${action}:${subject}`);

export const authChecker: AuthChecker<RequestContext, string> = ({ context }, requirements) => {
  if (context.refusal) throw context.refusal;
  for (const requirement of requirements) {
    if (requirement === PUBLIC) return true;
    if (!context.principal) throw new UnauthenticatedError();
    if (requirement === SIGNED_IN) continue;
    const [action, subject] = requirement.split(':') as [Action, SubjectType];
    if (!context.ability.can(action, subject)) {
      throw new ForbiddenError(`Your role may not ${action} ${subject}`);
    }
  }
  return requirements.length > 0;
};
