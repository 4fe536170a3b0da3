/**
 * The department module's hand-written SQL: which case categories each department handles,
 * read from the pivot table for a batch of departments. The department ids come from rows the
 * caller already read through the scoped ORM; the pivot rows follow their department under
 * row-level security in the request's transaction, and the categories are loaded back through
 * the ORM.
 */
import type { RequestContext } from '../../context/request-context';

/** The (department, category) pairs of the given departments. */
export function categoryLinks(ctx: RequestContext, departmentIds: readonly number[]): Promise<{ department_id: number; case_category_id: number }[]> {
  return ctx.em.execute<{ department_id: number; case_category_id: number }[]>(
    'select department_id, case_category_id from department_category where department_id in (?)',
    [[...departmentIds]],
  );
}

/** Which of the given departments (read by the caller through its scope) have an active account. */
export async function staffedDepartments(ctx: RequestContext, departmentIds: readonly number[]): Promise<Set<number>> {
  const rows = await ctx.em.execute<{ id: number }[]>('select gw_staffed_departments(?::int[]) as id', [`{${departmentIds.join(',')}}`]);
  return new Set(rows.map((r) => r.id));
}
