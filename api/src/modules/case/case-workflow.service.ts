import { OptimisticLockError } from '@mikro-orm/core';
import { BadInputError, ConflictError, IllegalTransitionError } from '../../common/errors';
import { fromGlobalId, toGlobalId } from '../../common/global-id';
import { assertCan, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { requireUnit } from '../../context/unit-of-work';
import { clockOf, dueFor, updateDeadline } from './case-clocks';
import { DeadlineStep } from '../deadline/deadline.enums';
import { Department } from '../department/department.entity';
import { verifyImageSinceFeedback } from './after-photo.sql';
import { CaseAssignment } from './case-assignment.entity';
import { followLead, partnerActions, partnersBeforeFeedback } from './case-partners';
import { CaseCategory } from '../department/case-category.entity';
import { CaseEvent } from './case-event.entity';
import { suggestDepartments, suggestDispatch, type DispatchSuggestion } from './case-routing.service';
import { escalate } from './case-units';
import type { TransitionRequest } from './case-workflow.inputs';
import { AssignmentState, CaseAction, type CaseStatus, CancelReason } from './case.enums';
import { Case } from './case.entity';
import { committedState } from './case.sql';
import { actionsFrom, transitionsOf, type TransitionInput } from './case.workflow';

type Details = Record<string, unknown>;

/** Side effects of a step beyond the status change; returns what the event records. */
type Effect = (ctx: RequestContext, kase: Case, input: TransitionRequest, now: Date) => Promise<Details | void> | Details | void;

const present: Record<TransitionInput, (input: TransitionRequest) => boolean> = {
  reason: (i) => !!i.reason?.trim(),
  cancelReason: (i) => i.cancelReason != null,
  departments: (i) => !!i.departmentIds?.length,
  result: (i) => !!i.result?.trim(),
  reviewDate: (i) => i.reviewAt != null,
  extensionDays: (i) => i.extensionDays != null,
  score: (i) => i.score != null,
  answer: (i) => !!i.text?.trim() && i.method != null,
};

async function deactivateAssignments(ctx: RequestContext, kase: Case): Promise<void> {
  const active = await ctx.em.find(CaseAssignment, { caseId: kase.id, active: true });
  for (const assignment of active) assignment.active = false;
  kase.leadDepartmentId = null;
}

async function dispatch(ctx: RequestContext, kase: Case, input: TransitionRequest, now: Date): Promise<Details> {
  const ids = [...new Set((input.departmentIds ?? []).map((id) => fromGlobalId('Department', id)))];
  const leadId = input.leadDepartmentId ? fromGlobalId('Department', input.leadDepartmentId) : ids[0];
  if (!ids.includes(leadId)) throw new BadInputError('The lead must be one of the departments', [{ field: 'leadDepartmentId', message: 'not among departmentIds' }]);
  const departments = await ctx.em.find(Department, { id: { $in: ids }, active: true });
  // Only departments of the unit that handles the case: a county dispatches to its own bureaus.
  const foreign = ids.filter((id) => !departments.some((d) => d.id === id && d.unitId === kase.handlingUnitId));
  if (foreign.length) throw new BadInputError('Departments must belong to the handling unit', [{ field: 'departmentIds', message: `not of the handling unit: ${foreign.join(', ')}` }]);
  const suggested = new Set((await suggestDepartments(ctx, kase)).map((d) => d.id));
  await deactivateAssignments(ctx, kase);
  kase.leadDepartmentId = leadId;
  kase.complexity = input.complexity ?? kase.complexity;
  // Every department's own deadline (联合执法): the handling limit (处置时限) from the dispatch;
  // without a platform never past the level's local limit, which keeps running through dispatch.
  const handling = await dueFor(ctx, kase, DeadlineStep.HANDLE, now);
  const local = clockOf(kase) === DeadlineStep.LOCAL && kase.dueAt ? { due: kase.dueAt, provisional: kase.dueProvisional ?? false } : null;
  const due = local && (!handling || local.due < handling.due) ? local : handling;
  for (const id of ids) {
    ctx.em.persist(
      Object.assign(new CaseAssignment(), {
        ...scopeOf(kase),
        caseId: kase.id,
        departmentId: id,
        lead: id === leadId,
        suggested: suggested.has(id),
        at: now,
        dueAt: due?.due ?? null,
        dueProvisional: due?.provisional ?? false,
      }),
    );
  }
  // An override (a department routing did not suggest) is kept for 准确派遣率.
  const departmentId = (id: number) => toGlobalId('Department', id);
  return {
    departmentIds: ids.map(departmentId),
    leadDepartmentId: departmentId(leadId),
    complexity: kase.complexity,
    suggestedDepartmentIds: [...suggested].map(departmentId),
    overridden: ids.some((id) => !suggested.has(id)),
  };
}

const effects: Partial<Record<CaseAction, Effect>> = {
  async [CaseAction.CANCEL](ctx, kase, input) {
    if (input.cancelReason === CancelReason.DUPLICATE) {
      if (!input.duplicateOfId) throw new BadInputError('A duplicate names its master case', [{ field: 'duplicateOfId', message: 'required for DUPLICATE' }]);
      const master = await findVisible(ctx, Case, input.duplicateOfId);
      if (master.id === kase.id) throw new BadInputError('A case cannot duplicate itself', [{ field: 'duplicateOfId', message: 'same case' }]);
      kase.duplicateOfId = master.id;
    }
    return { cancelReason: input.cancelReason, duplicateOfId: kase.duplicateOfId ? toGlobalId('Case', kase.duplicateOfId) : null };
  },
  async [CaseAction.ESCALATE](ctx, kase) {
    const moved = await escalate(ctx, kase);
    if (!moved) throw new IllegalTransitionError('The city is the top of the grid: nothing to escalate to', { currentState: kase.status, allowedActions: [] });
    // Taken over mid-handling: the lower level's office no longer works on it.
    await deactivateAssignments(ctx, kase);
    kase.requestedExtensionDays = null;
    return { fromUnitId: toGlobalId('Grid', moved.fromUnitId), toUnitId: toGlobalId('Grid', moved.toUnitId) };
  },
  [CaseAction.DISPATCH]: dispatch,
  [CaseAction.RETURN]: (ctx, kase) => deactivateAssignments(ctx, kase),
  async [CaseAction.ACCEPT](ctx, kase, _input, now) {
    await followLead(ctx, kase, AssignmentState.ACCEPTED, null, now);
  },
  // 联合执法: the lead feeds back for the case once its partners have (or are past their deadline).
  async [CaseAction.FEEDBACK](ctx, kase, input, now) {
    const partners = await partnersBeforeFeedback(ctx, kase, now);
    await followLead(ctx, kase, AssignmentState.FED_BACK, input.result ?? null, now);
    return { result: input.result, ...partners };
  },
  async [CaseAction.VERIFY_FAIL](ctx, kase, _input, now) {
    await followLead(ctx, kase, AssignmentState.ACCEPTED, null, now);
  },
  [CaseAction.REQUEST_EXTENSION](_ctx, kase, input) {
    kase.requestedExtensionDays = input.extensionDays;
    return { extensionDays: input.extensionDays };
  },
  [CaseAction.APPROVE_EXTENSION](_ctx, kase) {
    const days = kase.requestedExtensionDays;
    kase.extensionCount += 1;
    kase.requestedExtensionDays = null;
    return { extensionDays: days, extensionCount: kase.extensionCount };
  },
  [CaseAction.REJECT_EXTENSION](_ctx, kase) {
    kase.requestedExtensionDays = null;
  },
  [CaseAction.PARK](_ctx, kase, input) {
    kase.reviewAt = input.reviewAt;
    return { reviewAt: input.reviewAt };
  },
  [CaseAction.RESUME](_ctx, kase) {
    kase.reviewAt = null;
  },
  async [CaseAction.VERIFY_PASS](ctx, kase, _input, now) {
    const category = await ctx.em.findOneOrFail(CaseCategory, { id: kase.categoryId });
    if (category.requiresAfterPhoto && !(await verifyImageSinceFeedback(ctx, kase.id))) {
      throw new BadInputError('Closing needs an after photo taken at verification', [{ field: 'evidence', message: 'upload a VERIFY photo first' }]);
    }
    kase.closedAt = now;
  },
  [CaseAction.EVALUATE](_ctx, kase, input) {
    kase.score = input.score;
    return { score: input.score };
  },
  [CaseAction.ANSWER](_ctx, kase, input, now) {
    kase.answeredAt = now;
    kase.answerText = input.text!.trim();
    kase.answerMethod = input.method;
    kase.answerSatisfaction = input.satisfaction ?? null;
    const onTime = kase.answerDueAt == null || now <= kase.answerDueAt;
    return { method: input.method, satisfaction: input.satisfaction ?? null, answerDueAt: kase.answerDueAt?.toISOString() ?? null, onTime };
  },
  async [CaseAction.REOPEN](ctx, kase) {
    kase.closedAt = null;
    kase.score = null;
    await deactivateAssignments(ctx, kase);
  },
};

function scopeOf(kase: Case) {
  return { cityId: kase.cityId, countyId: kase.countyId ?? null, townshipId: kase.townshipId ?? null };
}

/** The event every transition writes, in the same flush (one transaction) as the case change. */
export function caseEvent(ctx: RequestContext, kase: Case, step: { action: CaseAction; from: CaseStatus; to: CaseStatus }, input: Partial<TransitionRequest>, details: Details | null, now: Date): CaseEvent {
  return Object.assign(new CaseEvent(), {
    ...scopeOf(kase),
    caseId: kase.id,
    gridId: kase.gridId,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorId: ctx.principal?.accountId ?? null,
    actorRole: ctx.principal?.role ?? null,
    actorUnitId: ctx.principal?.unitId ?? null,
    at: now,
    reason: input.reason ?? input.cancelReason ?? null,
    note: input.note ?? null,
    details: details && Object.keys(details).length ? details : null,
    dueAt: kase.dueAt ?? null,
  });
}

async function conflict(ctx: RequestContext, caseId: number): Promise<ConflictError> {
  const row = await committedState(ctx, caseId);
  return new ConflictError('The case was changed by someone else; reload it', {
    currentState: row?.status,
    currentVersion: row?.version,
    allowedActions: row ? actionsFrom(row.status) : [],
  });
}

/**
 * The actions the caller may take on the case now (state table x the caller's rules), and a
 * partner department's steps on its own assignment (联合执法).
 */
export async function availableActions(ctx: RequestContext, kase: Case): Promise<CaseAction[]> {
  const own = transitionsOf(kase)
    .filter((t) => ctx.ability.can(t.who, kase))
    .map((t) => t.action);
  return [...own, ...(await partnerActions(ctx, kase))];
}

export const caseWorkflow = {
  /**
   * One step of the workflow: the record through the scoped em, then the version, the state
   * table, the caller's duty on this very case, the step's inputs; then the change and its
   * event in the caller's unit of work (two flushes, one transaction). Any refusal writes nothing.
   */
  async apply(ctx: RequestContext, action: CaseAction, input: TransitionRequest): Promise<Case> {
    requireUnit(ctx, 'A case transition');
    const kase = await findVisible(ctx, Case, input.id);
    if (kase.version !== input.version) throw await conflict(ctx, kase.id);
    const step = transitionsOf(kase).find((t) => t.action === action);
    if (!step) {
      throw new IllegalTransitionError(`${action} is not allowed when the case is ${kase.status}`, {
        currentState: kase.status,
        allowedActions: transitionsOf(kase).map((t) => t.action),
      });
    }
    assertCan(ctx, step.who, kase);
    const missing = step.needs.filter((need) => !present[need](input));
    if (missing.length) throw new BadInputError(`${action} needs ${missing.join(', ')}`, missing.map((field) => ({ field, message: 'required' })));
    const now = ctx.clock.now();
    try {
      const clockBefore = clockOf(kase);
      const extensionDays = kase.requestedExtensionDays ?? null;
      const details = (await effects[action]?.(ctx, kase, input, now)) ?? null;
      kase.status = step.to;
      await updateDeadline(ctx, kase, clockBefore, action, now, extensionDays);
      await ctx.em.flush();
      // The event last, in a flush of its own: its trigger locks the county's chain head until
      // COMMIT, so nothing else of the transition (the version-checked update, assignments)
      // runs while other transitions of the county wait (one flush would insert it first).
      ctx.em.persist(caseEvent(ctx, kase, step, input, details, now));
      await ctx.em.flush();
    } catch (error) {
      // Drop the half-applied change, so no later flush of this request can write it.
      ctx.em.clear();
      if (error instanceof OptimisticLockError) throw await conflict(ctx, kase.id);
      throw error;
    }
    return kase;
  },

  suggestions: async (ctx: RequestContext, caseId: string): Promise<Department[]> => {
    const kase = await findVisible(ctx, Case, caseId);
    assertCan(ctx, 'dispatch', kase);
    return suggestDepartments(ctx, kase);
  },

  suggestion: async (ctx: RequestContext, caseId: string): Promise<DispatchSuggestion> => {
    const kase = await findVisible(ctx, Case, caseId);
    assertCan(ctx, 'dispatch', kase);
    return suggestDispatch(ctx, kase);
  },
};
