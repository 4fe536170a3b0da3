import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Which of these codes are registered to any source, in any territory. Security-definer
 * functions (migrations …source_credit_codes and …source_codes) answer only whether a code is
 * taken, never where: callers refuse a code taken outside their territory exactly like a code
 * they may not use, so no answer says that a record exists elsewhere.
 */
export async function codesTaken(em: EntityManager, kind: 'creditCode' | 'sourceCode', codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const fn = kind === 'creditCode' ? 'gw_source_credit_codes_taken' : 'gw_source_codes_taken';
  const rows = await em.execute<{ code: string }[]>(`select code from ${fn}(array[?]::text[]) as code`, [codes]);
  return new Set(rows.map((r) => r.code));
}
