import { OptimisticLockError } from '@mikro-orm/core';
import { BadInputError, ConflictError, IllegalTransitionError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { assertCan, findVisible, findVisibleById } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { CaseAssignment } from './case-assignment.entity';
import type { AssignmentFeedbackInput, AssignmentStepInput } from './case-workflow.inputs';
import { departmentName } from './case-partners';
import { caseEvent } from './case-workflow.service';
import { AssignmentState, CaseAction } from './case.enums';
import { Case } from './case.entity';
import { assignmentActionsFrom, assignmentStepFor } from './case.workflow';

type AssignmentRequest = AssignmentStepInput & Partial<Pick<AssignmentFeedbackInput, 'result'>>;

export const assignmentWorkflow = {
  /**
   * One partner step (联合执法): the assignment through the scoped em, its version, the step
   * table with the case's state, the caller's duty on this assignment, the inputs; then the
   * change and its case event (actor, department) in one transaction. A refusal writes nothing.
   */
  async apply(ctx: RequestContext, action: CaseAction, input: AssignmentRequest): Promise<CaseAssignment> {
    const assignment = await findVisible(ctx, CaseAssignment, input.id);
    if (assignment.version !== input.version) throw conflict(assignment);
    const kase = await findVisibleById(ctx, Case, assignment.caseId);
    const step = assignment.active && !assignment.lead ? assignmentStepFor(assignment.state, kase.status, action) : undefined;
    if (!step) {
      throw new IllegalTransitionError(`${action} is not allowed when the assignment is ${assignment.state} and the case ${kase.status}`, {
        currentState: assignment.state,
        allowedActions: assignment.active && !assignment.lead ? assignmentActionsFrom(assignment.state, kase.status) : [],
      });
    }
    assertCan(ctx, step.who, assignment);
    const result = input.result?.trim();
    if (step.needs.includes('result') && !result) throw new BadInputError(`${action} needs result`, [{ field: 'result', message: 'required' }]);
    const now = ctx.clock.now();
    const by = { id: ctx.principal?.accountId ?? null, name: ctx.principal?.displayName ?? null };
    try {
      assignment.state = step.to;
      if (step.to === AssignmentState.ACCEPTED) Object.assign(assignment, { acceptedAt: now, acceptedById: by.id, acceptedByName: by.name });
      if (step.to === AssignmentState.FED_BACK) Object.assign(assignment, { fedBackAt: now, fedBackById: by.id, fedBackByName: by.name, feedback: result });
      await ctx.em.flush();
      // The event in a flush of its own, last (its trigger holds the county's chain head), as in caseWorkflow.apply.
      const details = {
        assignmentId: toGlobalId('CaseAssignment', assignment.id),
        departmentId: toGlobalId('Department', assignment.departmentId),
        departmentName: await departmentName(ctx, assignment.departmentId),
        actorName: by.name,
        assignmentDueAt: assignment.dueAt?.toISOString() ?? null,
        ...(result ? { result } : {}),
      };
      ctx.em.persist(caseEvent(ctx, kase, { action, from: kase.status, to: kase.status }, { note: input.note }, details, now));
      await ctx.em.flush();
    } catch (error) {
      ctx.em.clear();
      if (error instanceof OptimisticLockError) throw conflict(assignment);
      throw error;
    }
    return assignment;
  },
};

function conflict(assignment: CaseAssignment): ConflictError {
  return new ConflictError('The assignment was changed by someone else; reload it', { currentState: assignment.state });
}
