/**
 * The supervision module's hand-written SQL: the alerts (催办, 督办, 通报) raised on a late
 * case, one per case, kind and deadline. The deadline sweep runs as a scheduled job on the
 * owner's connection, outside row-level security; it reads the cases through the ORM and each
 * alert carries its case's own scope columns, so it lands in the case's territory.
 */
import type { QueryResult } from '@mikro-orm/core';
import type { RequestContext } from '../../context/request-context';
import type { Case } from '../case/case.entity';
import { AlertDeadline, type AlertKind } from './case-alert.entity';

const INSERT_ALERT = `
insert into case_alert (city_id, county_id, township_id, case_id, kind, due_at, at, handling_unit_id, lead_department_id, deadline)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (case_id, kind, due_at, deadline) do nothing`;

/**
 * Raises an alert of `kind` on the case for its current step's deadline (or its answer limit):
 * 1, or 0 when it was already raised.
 */
export async function insertAlert(ctx: RequestContext, kase: Case, kind: AlertKind, now: Date, deadline = AlertDeadline.STEP): Promise<number> {
  const due = deadline === AlertDeadline.ANSWER ? kase.answerDueAt : kase.dueAt;
  const result = await ctx.em.execute<QueryResult>(
    INSERT_ALERT,
    [kase.cityId, kase.countyId ?? null, kase.townshipId ?? null, kase.id, kind, due, now, kase.handlingUnitId ?? null, kase.leadDepartmentId ?? null, deadline],
    'run',
  );
  return result.affectedRows;
}
