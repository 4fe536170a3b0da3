import type { DepartmentRecord } from '../reference/departments';
import { Rng } from '../random';
import { CaseAction, type CaseActionName, CaseComplexity, CaseStatus, LimitUnit, nextStatus, type RoleName, type WorkflowAction, type WorkingCalendar } from '@gridwatch/domain';
import type { CaseRecord } from './cases';
import type { SeedTimeline } from './timeline';

/**
 * The recent months of the demo seed carry whole case life cycles (立卷, 派遣, 处理, 反馈, 核实,
 * 结案, 评价; some cancelled, returned, extended, parked, reworked or late), so the KPI tables
 * of the demo have something to show. Cases reported before the timeline's lifecycleFrom stay
 * REPORTED. Nothing happens at or after its "now": a case caught mid-way stays in its state then.
 */

const HOUR = 3_600_000;
const A = CaseAction;
const DAY = 24 * HOUR;

const BEIJING_MS = 8 * HOUR;
// The answer depends only on the Beijing day and the count: remembered per calendar, as the
// million-case profiles asked the calendar the same few hundred questions millions of times.
const deadlines = new WeakMap<WorkingCalendar, Map<number, { dueMs: number; provisional: boolean }>>();

/** The end of the n-th working day after the (Beijing) day of `fromMs`, and whether the count walked through a year the table lacks. */
function workingDeadline(calendar: WorkingCalendar, fromMs: number, workingDays: number): { dueMs: number; provisional: boolean } {
  let known = deadlines.get(calendar);
  if (!known) deadlines.set(calendar, (known = new Map()));
  const key = Math.floor((fromMs + BEIJING_MS) / DAY) * 4096 + workingDays;
  let answer = known.get(key);
  if (!answer) {
    const d = calendar.deadline(new Date(fromMs), workingDays, LimitUnit.WORKING_DAYS);
    known.set(key, (answer = { dueMs: d.due.getTime(), provisional: d.provisional }));
  }
  return answer;
}

export interface LifecycleEvent {
  action: CaseActionName;
  from: CaseStatus;
  to: CaseStatus;
  atMs: number;
  /** The deadline running after the step (case_event.due_at). */
  dueMs: number | null;
  actorRole: RoleName;
  actorUnitId: number;
  /** The acting account, where the seed has one (the grid worker who verifies on site). */
  actorId: number | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface LifecycleAssignment {
  departmentId: number;
  atMs: number;
  active: boolean;
}

/** Where a working-day deadline was counted from, so a loaded schedule can recompute it. */
export interface DueBasis {
  fromMs: number;
  days: number;
  provisional: boolean;
}

export interface Lifecycle {
  events: LifecycleEvent[];
  assignments: LifecycleAssignment[];
  status: CaseStatus;
  dueMs: number | null;
  dueBasis: DueBasis | null;
  closedMs: number | null;
  leadDepartmentId: number | null;
  extensionCount: number;
  requestedExtensionDays: number | null;
  reviewMs: number | null;
  score: number | null;
}

export interface LifecycleContext {
  seed: number;
  timeline: SeedTimeline;
  calendar: WorkingCalendar;
  departments: readonly DepartmentRecord[];
  /** The account of the grid worker of a grid, who verifies its cases on site (核实). */
  workerAccountOf?: (gridId: number) => number | null;
}

const departmentId = (id: number): string => Buffer.from(`Department:${id}`).toString('base64url');

/** The department a dispatcher sends the case to: the township office without a platform, else the county's bureau of the field. */
function leadDepartment(c: CaseRecord, viaPlatform: boolean, handlingUnitId: number, departments: readonly DepartmentRecord[]): number | null {
  const field = viaPlatform ? c.category.defaultField : 'TOWNSHIP_OFFICE';
  return departments.find((d) => d.unitId === handlingUnitId && d.field === field)?.id ?? null;
}

// A few cases of the weeks before the anchor still wait for their handler's feedback, past
// their limit: whatever day the demo is seeded for, its queues hold overdue cases (督办).
const STALL_FROM_DAYS = 25;
const STALL_TO_DAYS = 9;
const STALL_SHARE = 0.35;

/** Decided on a stream of its own, so the other cases' life cycles stay as they were. */
function stalled(c: CaseRecord, ctx: LifecycleContext): boolean {
  const ageDays = (ctx.timeline.nowMs - c.reportedAtMs) / DAY;
  return ageDays >= STALL_TO_DAYS && ageDays < STALL_FROM_DAYS && Rng.derive(ctx.seed, `stall:${c.id}`).chance(STALL_SHARE);
}

/**
 * The life cycle of one case, or null when it stays as reported. The handler is the one
 * the api assigns (firstHandler): the county's platform, or the township itself.
 */
export function lifecycleOf(c: CaseRecord, handler: [number, number | null, boolean], ctx: LifecycleContext): Lifecycle | null {
  if (c.reportedAtMs < ctx.timeline.lifecycleFromMs) return null;
  const [unitId, , viaPlatform] = handler;
  const lead = leadDepartment(c, viaPlatform, unitId, ctx.departments);
  if (lead === null) return null;
  const rng = Rng.derive(ctx.seed, `lifecycle:${c.id}`);
  const hours = (min: number, max: number): number => Math.round((min + rng.next() * (max - min)) * HOUR / 1000) * 1000;
  const calendar = ctx.calendar;
  // Every deadline remembers its basis (the api's due_basis_at/days): an extension adds working
  // days to the same start, which gives what counting from the old deadline's day gives.
  const bases = new Map<number, DueBasis>();
  const due = (fromMs: number, days: number): number => {
    const { dueMs, provisional } = workingDeadline(calendar, fromMs, days);
    bases.set(dueMs, { fromMs, days, provisional });
    return dueMs;
  };
  const cal = { dueAfter: due };
  const dispatcher: RoleName = viaPlatform ? 'PLATFORM_OPERATOR' : 'TOWNSHIP_ADMIN';
  const handlerRole: RoleName = viaPlatform ? 'COUNTY_DEPARTMENT' : 'TOWNSHIP_ADMIN';
  const verifierUnit = c.grid.parentId ?? unitId;
  const verifier = ctx.workerAccountOf?.(c.grid.id) ?? null;

  const life: Lifecycle = {
    events: [], assignments: [], status: CaseStatus.REPORTED, dueMs: null, dueBasis: null, closedMs: null, leadDepartmentId: null,
    extensionCount: 0, requestedExtensionDays: null, reviewMs: null, score: null,
  };
  let open = true;
  /**
   * Appends a step unless it would happen after the seed's "now". Where it leads is the domain's
   * transition table's answer, so a step the api would refuse throws here instead of being seeded.
   */
  const step = (action: WorkflowAction, atMs: number, dueMs: number | null, role: RoleName, unit: number, reason: string | null = null, details: Record<string, unknown> | null = null): boolean => {
    if (!open || atMs >= ctx.timeline.nowMs) return (open = false);
    const to = nextStatus({ status: life.status, origin: c.origin, answeredAt: null }, action);
    life.events.push({ action, from: life.status, to, atMs, dueMs, actorRole: role, actorUnitId: unit, actorId: role === 'GRID_WORKER' ? verifier : null, reason, details });
    life.status = to;
    life.dueMs = dueMs;
    life.dueBasis = dueMs === null ? null : (bases.get(dueMs) ?? null);
    return true;
  };

  let t = c.reportedAtMs;
  if (rng.chance(0.08)) {
    step(A.CANCEL, t + hours(1, 3), null, dispatcher, unitId, 'INVALID', { cancelReason: 'INVALID', duplicateOfId: null });
    return life;
  }
  t += hours(0.5, 3);
  if (!step(A.FILE, t, viaPlatform ? cal.dueAfter(t, 1) : cal.dueAfter(c.reportedAtMs, 3), dispatcher, unitId)) return life;

  const dispatch = (atMs: number): boolean => {
    // Without a platform the level's local limit, counted from the report, runs on (case-clocks.ts).
    const ok = step(A.DISPATCH, atMs, viaPlatform ? cal.dueAfter(atMs, 5) : life.dueMs, dispatcher, unitId, null, {
      departmentIds: [departmentId(lead)], leadDepartmentId: departmentId(lead), complexity: CaseComplexity.NORMAL,
      suggestedDepartmentIds: [departmentId(lead)], overridden: false,
    });
    if (ok) {
      for (const a of life.assignments) a.active = false;
      life.assignments.push({ departmentId: lead, atMs, active: true });
      life.leadDepartmentId = lead;
    }
    return ok;
  };
  t += hours(0.5, 4);
  if (!dispatch(t)) return life;
  // 回退: a platform case sent to the wrong bureau comes back and is dispatched again.
  if (viaPlatform && rng.chance(0.05)) {
    t += hours(1, 5);
    if (!step(A.RETURN, t, cal.dueAfter(t, 1), handlerRole, unitId, '不属于本部门职责')) return life;
    life.leadDepartmentId = null;
    for (const a of life.assignments) a.active = false;
    t += hours(0.5, 2);
    if (!dispatch(t)) return life;
  }
  let handleDue = life.dueMs!;
  t += hours(0.5, 6);
  if (!step(A.ACCEPT, t, handleDue, handlerRole, unitId)) return life;
  if (stalled(c, ctx)) return life;

  if (rng.chance(0.04)) {
    t += hours(24, 72);
    const reviewMs = t + 30 * DAY;
    if (step(A.PARK, t, null, dispatcher, unitId, '需工程措施, 短期内无法解决', { reviewAt: new Date(reviewMs).toISOString() })) life.reviewMs = reviewMs;
    return life;
  }
  if (rng.chance(0.08)) {
    t += hours(24, 60);
    if (!step(A.REQUEST_EXTENSION, t, handleDue, handlerRole, unitId, '需协调多个部门', { extensionDays: 5 })) return life;
    life.requestedExtensionDays = 5;
    t += hours(1, 4);
    const basis = bases.get(handleDue)!;
    handleDue = due(basis.fromMs, basis.days + 5);
    if (!step(A.APPROVE_EXTENSION, t, handleDue, dispatcher, unitId, null, { extensionDays: 5, extensionCount: 1 })) return life;
    life.requestedExtensionDays = null;
    life.extensionCount = 1;
  }
  const feedback = (): boolean => {
    // Most are handled within the limit; some run late.
    t = rng.chance(0.18) ? Math.max(t, handleDue) + hours(4, 72) : t + Math.round((0.2 + rng.next() * 0.7) * Math.max(HOUR, handleDue - t) / 1000) * 1000;
    return step(A.FEEDBACK, t, cal.dueAfter(t, 2), handlerRole, unitId, null, { result: '已整改到位' });
  };
  if (!feedback()) return life;
  // 返工: the on-site check does not match the reported result.
  if (rng.chance(0.12)) {
    t += hours(2, 20);
    handleDue = cal.dueAfter(t, 3);
    if (!step(A.VERIFY_FAIL, t, handleDue, 'GRID_WORKER', verifierUnit, '现场核查未整改到位')) return life;
    if (!feedback()) return life;
  }
  t = rng.chance(0.08) ? life.dueMs! + hours(4, 48) : t + hours(2, 30);
  if (!step(A.VERIFY_PASS, t, null, 'GRID_WORKER', verifierUnit)) return life;
  life.closedMs = t;
  if (rng.chance(0.6)) {
    const score = 60 + rng.int(0, 41);
    t += hours(2, 48);
    if (step(A.EVALUATE, t, null, dispatcher, unitId, null, { score })) life.score = score;
  }
  return life;
}

/** The deadline running while a case waits as reported (due_at and its basis). */
export interface ReportedDue {
  dueMs: number;
  basis: DueBasis | null;
}

/**
 * The clock of a report not yet filed, as the api sets it on report (case-clocks.ts and the
 * shipped limits of time-limits.ts): the filing limit (立卷: 1 working day; 24 h for 交办 and
 * 移送; the same day for 突发) on both paths; without a platform the local limit (3 working
 * days) bounds it too, never shorter. So an old report in the demo is late like any other step.
 */
export function reportedDue(c: Pick<CaseRecord, 'reportedAtMs' | 'origin' | 'urgency'>, calendar: WorkingCalendar): ReportedDue {
  const from = c.reportedAtMs;
  if (c.urgency === 'EMERGENCY') return { dueMs: workingDeadline(calendar, from, 0).dueMs, basis: null };
  if (c.origin === 'INSTRUCTION' || c.origin === 'TRANSFER') return { dueMs: from + 24 * HOUR, basis: null };
  const { dueMs, provisional } = workingDeadline(calendar, from, 1);
  return { dueMs, basis: { fromMs: from, days: 1, provisional } };
}
