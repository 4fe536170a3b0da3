import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Which of these source codes are registered to any source, in any territory. A security-definer
 * function (migration …source_codes) answers only whether a code is taken, never where: callers
 * refuse a code taken outside their territory exactly like a code they may not use, so no answer
 * says that a record exists elsewhere.
 */
export async function sourceCodesTaken(em: EntityManager, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await em.execute<{ code: string }[]>('select code from gw_source_codes_taken(array[?]::text[]) as code', [codes]);
  return new Set(rows.map((r) => r.code));
}
