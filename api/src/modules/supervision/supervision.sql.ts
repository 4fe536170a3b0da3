/**
 * The supervision module's hand-written SQL: the alerts (催办, 督办, 通报) raised on a late
 * case, one per case, kind and deadline. The deadline sweep runs as a scheduled job on the
 * owner's connection, outside row-level security; it reads the cases through the ORM and each
 * alert carries its case's own scope columns, so it lands in the case's territory.
 */
import { raw, type QueryResult } from '@mikro-orm/core';
import type { RequestContext } from '../../context/request-context';
import type { Case } from '../case/case.entity';
import type { AlertKind } from './case-alert.entity';

const INSERT_ALERT = `
insert into case_alert (city_id, county_id, township_id, case_id, kind, due_at, at, handling_unit_id, lead_department_id)
values (?, ?, ?, ?, ?, ?, ?, ?, ?)
on conflict (case_id, kind, due_at) do nothing`;

/** Raises an alert of `kind` on the case for its current deadline: 1, or 0 when it was already raised. */
export async function insertAlert(ctx: RequestContext, kase: Case, kind: AlertKind, now: Date): Promise<number> {
  const result = await ctx.em.execute<QueryResult>(
    INSERT_ALERT,
    [kase.cityId, kase.countyId ?? null, kase.townshipId ?? null, kase.id, kind, kase.dueAt, now, kase.handlingUnitId ?? null, kase.leadDepartmentId ?? null],
    'run',
  );
  return result.affectedRows;
}

/**
 * A case-query condition: no 通报 raised yet for the case's current deadline. Once noticed, a
 * late case has had every alert of that deadline, so the sweep need not visit it again.
 */
export function notNoticed(): string {
  // A raw fragment is used as a condition's key (MikroORM gives it a string key's type).
  return raw<object, string>((alias: string) => `not exists (select 1 from case_alert a where a.case_id = ${alias}.id and a.kind = 'NOTICE' and a.due_at = ${alias}.due_at)`);
}
