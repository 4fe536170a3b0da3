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
import type { AuditRecommendation } from '../audit/audit.entity';
import type { WorkTask } from '../plan/task.entity';
import type { AlertKind } from './case-alert.entity';

const INSERT_ALERT = `
insert into case_alert (city_id, county_id, township_id, grid_id, case_id, kind, due_at, at, handling_unit_id, lead_department_id, case_status)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (case_id, kind, due_at) do nothing`;

/** Raises an alert of `kind` on the case for its current deadline: 1, or 0 when it was already raised. */
export async function insertAlert(ctx: RequestContext, kase: Case, kind: AlertKind, now: Date): Promise<number> {
  const result = await ctx.em.execute<QueryResult>(
    INSERT_ALERT,
    [kase.cityId, kase.countyId ?? null, kase.townshipId ?? null, kase.gridId, kase.id, kind, kase.dueAt, now, kase.handlingUnitId ?? null, kase.leadDepartmentId ?? null, kase.status],
    'run',
  );
  return result.affectedRows;
}

const INSERT_TASK_ALERT = `
insert into case_alert (city_id, county_id, township_id, grid_id, subject_kind, task_id, kind, due_at, at, handling_unit_id, officer_id, grid_worker_id)
values (?, ?, ?, ?, 'TASK', ?, ?, ?, ?, ?, ?, ?)
on conflict (task_id, kind, due_at) do nothing`;

/** An alert on a task for its deadline, addressed to the task's grid and person. */
export async function insertTaskAlert(ctx: RequestContext, task: WorkTask, kind: AlertKind, now: Date): Promise<number> {
  const result = await ctx.em.execute<QueryResult>(
    INSERT_TASK_ALERT,
    [task.cityId, task.countyId ?? null, task.townshipId ?? null, task.gridId, task.id, kind, task.dueAt, now, task.gridId, task.officerId ?? null, task.gridWorkerId ?? null],
    'run',
  );
  return result.affectedRows;
}

const INSERT_RECOMMENDATION_ALERT = `
insert into case_alert (city_id, county_id, township_id, grid_id, subject_kind, recommendation_id, kind, due_at, at, handling_unit_id)
values (?, ?, ?, ?, 'RECOMMENDATION', ?, ?, ?, ?, ?)
on conflict (recommendation_id, kind, due_at) do nothing`;

/** An alert on an audit recommendation for its due date, addressed to the audited unit. */
export async function insertRecommendationAlert(ctx: RequestContext, rec: AuditRecommendation, kind: AlertKind, due: Date, now: Date): Promise<number> {
  const result = await ctx.em.execute<QueryResult>(
    INSERT_RECOMMENDATION_ALERT,
    [rec.cityId, rec.countyId ?? null, rec.townshipId ?? null, rec.auditedUnitId, rec.id, kind, due, now, rec.auditedUnitId],
    'run',
  );
  return result.affectedRows;
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
     on conflict (alert_id, account_id) do nothing`,
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
