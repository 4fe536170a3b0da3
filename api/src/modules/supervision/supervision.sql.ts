/**
 * The supervision module's hand-written SQL: the alerts (催办, 督办, 通报) raised on a late
 * case, task or audit recommendation, one per subject, kind and deadline, and who read them.
 * The deadline sweep runs as a scheduled job on the owner's connection, outside row-level
 * security; each alert carries its subject's own scope columns, so it lands in the subject's
 * territory. Requests read and mark alerts under row-level security (alert_read follows its alert).
 */
import { raw, type QueryResult } from '@mikro-orm/core';
import type { RequestContext } from '../../context/request-context';
import type { Case } from '../case/case.entity';
import { AlertDeadline, type AlertKind } from './case-alert.entity';

const INSERT_ALERT = `
insert into case_alert (city_id, county_id, township_id, grid_id, case_id, kind, due_at, at, handling_unit_id, lead_department_id, case_status, unit_level, deadline)
select ?::int, ?::int, ?::int, ?::int, ?::int, ?::alert_kind, ?::timestamptz, ?::timestamptz, u.id, ?::int, ?::case_status, u.level, ?::alert_deadline
from (select ?::int as id) h left join grid u on u.id = h.id
on conflict (case_id, kind, due_at, deadline, county_key) where assignment_id is null do nothing`;

/**
 * Raises an alert of `kind` on the case for its current step's deadline (or its answer limit):
 * 1, or 0 when it was already raised.
 */
export async function insertAlert(ctx: RequestContext, kase: Case, kind: AlertKind, now: Date, deadline = AlertDeadline.STEP): Promise<number> {
  const due = deadline === AlertDeadline.ANSWER ? kase.answerDueAt : kase.dueAt;
  const result = await ctx.em.execute<QueryResult>(
    INSERT_ALERT,
    [kase.cityId, kase.countyId ?? null, kase.townshipId ?? null, kase.gridId, kase.id, kind, due, now, kase.leadDepartmentId ?? null, kase.status, deadline, kase.handlingUnitId ?? null],
    'run',
  );
  return result.affectedRows;
}

/**
 * 联合执法: 催办 (before its own deadline) or 督办 (after it) to every partner department still
 * owing its part of a case that is being handled, addressed to the department and its unit.
 * Once the lead has fed back, the case's feedback names late partners instead.
 */
const SWEEP_PARTNERS = `
insert into case_alert (city_id, county_id, township_id, grid_id, case_id, assignment_id, kind, due_at, at, handling_unit_id, unit_level, lead_department_id, case_status, deadline)
select c.city_id, c.county_id, c.township_id, c.grid_id, c.id, a.id, case when a.due_at > ?::timestamptz then 'URGE' else 'SUPERVISE' end::alert_kind,
  a.due_at, ?, d.unit_id, g.level, a.department_id, c.status, 'PARTNER'
from case_assignment a join "case" c on c.id = a.case_id join department d on d.id = a.department_id join grid g on g.id = d.unit_id
where a.active and not a.lead and a.state <> 'FED_BACK' and a.due_at <= ? and c.status in ('DISPATCHED', 'IN_PROGRESS', 'EXTENSION_REQUESTED')
on conflict (assignment_id, kind, due_at, county_key) where assignment_id is not null do nothing`;

export async function insertPartnerAlerts(ctx: RequestContext, now: Date, urgeUntil: Date): Promise<number> {
  return (await ctx.em.execute<QueryResult>(SWEEP_PARTNERS, [now, now, urgeUntil], 'run')).affectedRows;
}

/**
 * 催办 (before the deadline) or 督办 (after it) on every open task due by `urgeUntil`, addressed
 * to the task's grid and person: one statement, each alert once per task, kind and deadline.
 */
const SWEEP_TASKS = `
insert into case_alert (city_id, county_id, township_id, grid_id, subject_kind, task_id, kind, due_at, at, handling_unit_id, unit_level, officer_id, grid_worker_id)
select t.city_id, t.county_id, t.township_id, t.grid_id, 'TASK', t.id, case when t.due_at > ?::timestamptz then 'URGE' else 'SUPERVISE' end::alert_kind,
  t.due_at, ?, t.grid_id, g.level, t.officer_id, t.grid_worker_id
from work_task t join grid g on g.id = t.grid_id
where t.status = 'OPEN' and t.due_at <= ?
on conflict (task_id, kind, due_at, county_key) do nothing`;

export async function insertTaskAlerts(ctx: RequestContext, now: Date, urgeUntil: Date): Promise<number> {
  return (await ctx.em.execute<QueryResult>(SWEEP_TASKS, [now, now, urgeUntil], 'run')).affectedRows;
}

/**
 * The same for audit recommendations the audited unit has not answered (整改反馈), addressed
 * to it; a due date is a Beijing day, due at that day's end.
 */
const SWEEP_RECOMMENDATIONS = `
insert into case_alert (city_id, county_id, township_id, grid_id, subject_kind, recommendation_id, kind, due_at, at, handling_unit_id, unit_level)
select r.city_id, r.county_id, r.township_id, r.audited_unit_id, 'RECOMMENDATION', r.id,
  case when d.due_at > ?::timestamptz then 'URGE' else 'SUPERVISE' end::alert_kind, d.due_at, ?, r.audited_unit_id, g.level
from audit_recommendation r join grid g on g.id = r.audited_unit_id, lateral (select ((r.due_on + 1)::timestamp at time zone 'Asia/Shanghai') as due_at) d
where r.status = 'OPEN' and d.due_at <= ?
on conflict (recommendation_id, kind, due_at, county_key) do nothing`;

export async function insertRecommendationAlerts(ctx: RequestContext, now: Date, urgeUntil: Date): Promise<number> {
  return (await ctx.em.execute<QueryResult>(SWEEP_RECOMMENDATIONS, [now, now, urgeUntil], 'run')).affectedRows;
}

/** A condition on case_alert (for the ORM's where): read, or not read, by this account. */
export function readBy(accountId: number, read: boolean): string {
  return raw((alias: string) => `${read ? '' : 'not '}exists (select 1 from alert_read r where r.alert_id = ${alias}.id and r.account_id = ?)`, [accountId]);
}

/**
 * Marks alerts read for one person, once: the first reading time stays. Only alerts the
 * caller sees are marked (row-level security on both tables).
 */
export async function markRead(ctx: RequestContext, alertIds: number[], accountId: number, now: Date): Promise<void> {
  if (!alertIds.length) return;
  await ctx.em.execute(
    `insert into alert_read (alert_id, account_id, read_at)
     select a.id, ?, ? from case_alert a where a.id in (?)
     on conflict (alert_id, account_id, county_key) do nothing`,
    [accountId, now, alertIds],
    'run',
  );
}

/** When each of these alerts was read by the account (absent: unread). */
export async function readTimes(ctx: RequestContext, alertIds: readonly number[], accountId: number): Promise<Map<number, Date>> {
  if (!alertIds.length) return new Map();
  const rows = await ctx.em.execute<{ alert_id: number; read_at: Date }[]>(
    `select alert_id, read_at from alert_read where account_id = ? and alert_id in (?)`,
    [accountId, [...alertIds]],
  );
  return new Map(rows.map((r) => [r.alert_id, new Date(r.read_at)]));
}

/**
 * A case-query condition: no 通报 raised yet for the case's current deadline. Once noticed, a
 * late case has had every alert of that deadline, so the sweep need not visit it again.
 */
export function notNoticed(): string {
  // A raw fragment is used as a condition's key (MikroORM gives it a string key's type).
  return raw<object, string>((alias: string) => `not exists (select 1 from case_alert a where a.case_id = ${alias}.id and a.kind = 'NOTICE' and a.deadline = 'STEP' and a.due_at = ${alias}.due_at)`);
}
