import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { toGlobalId } from '../../common/global-id';

type Sql = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Migrates and seeds a database in a process of its own (seed-database.ts). */
export async function seedDatabase(url: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/test/faults/seed-database.ts', url], { cwd: path.resolve(__dirname, '..', '..', '..') });
}

/** The report the load writes: 扬尘 in the demo grid worker's village (filed by its township). */
export async function loadInput(sql: Sql): Promise<{ gridId: string; categoryId: string }> {
  const [grid] = await sql<{ id: number }>(`select id from grid where code = '340122104008'`);
  const [category] = await sql<{ id: number }>(`select id from case_category where code = 'DUST'`);
  return { gridId: toGlobalId('Grid', Number(grid.id)), categoryId: toGlobalId('CaseCategory', Number(category.id)) };
}

/** Polls fn until it is true; answers the milliseconds it took (throws after `within`). */
export async function until(what: string, fn: () => Promise<boolean>, within = 30_000): Promise<number> {
  const started = performance.now();
  while (!(await fn())) {
    if (performance.now() - started > within) throw new Error(`${what}: not within ${within} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Math.round(performance.now() - started);
}

export const readyz = (url: string): Promise<number> => fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, () => 0);
