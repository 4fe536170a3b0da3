/**
 * The plan module's hand-written SQL: the task counts behind a plan's or a task's progress, and
 * the officer and grid-worker records of the signed-in account. The plans and tasks are a batch
 * the caller already read through the scoped ORM and the account is the caller's own, named by
 * id; both statements run in the request's transaction, where row-level security bounds them.
 */
import type { RequestContext } from '../../context/request-context';
import { pgArray } from '../patrol/patrol.sql';

/** Tasks (not cancelled) and done tasks per parent key, for a batch of plans or of tasks. */
export function taskCounts(ctx: RequestContext, column: 'plan_id' | 'parent_id', ids: readonly number[]): Promise<{ key: number; total: number; done: number }[]> {
  // The plan's own lines only (not their subtasks); a task's direct subtasks.
  const topLevel = column === 'plan_id' ? 'and parent_id is null' : '';
  return ctx.em.execute<{ key: number; total: number; done: number }[]>(
    `select ${column} as key, count(*)::int as total, count(*) filter (where status = 'DONE')::int as done
         from work_task where ${column} = any(?::int[]) and status <> 'CANCELLED' ${topLevel} group by ${column}`,
    [pgArray(ids)],
  );
}

/** The officer and grid worker an account stands for (`[]` for no such account). */
export function accountPeople(ctx: RequestContext, accountId: number | null): Promise<{ officer_id: number | null; grid_worker_id: number | null }[]> {
  return ctx.em.execute<{ officer_id: number | null; grid_worker_id: number | null }[]>(`select officer_id, grid_worker_id from account where id = ?`, [accountId]);
}
