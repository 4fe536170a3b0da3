import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The anonymous read's only way to tenant rows: two SECURITY DEFINER functions that return the
 * redacted columns of published rows (Migration20261206050100_public_disclosure).
 */
export interface PublicCaseRow {
  id: string;
  number: string | null;
  category_code: string;
  category_name: string;
  county_code: string | null;
  county_name: string | null;
  township_name: string | null;
  reported_on: string;
  closed_on: string | null;
  on_time: boolean | null;
  description: string | null;
  handling_unit: string | null;
}

export function publicCases(em: EntityManager, after: number | null, limit: number): Promise<PublicCaseRow[]> {
  return em.execute<PublicCaseRow[]>(`select * from gw_public_cases(?::bigint, ?::int)`, [after, limit]);
}

export interface OnTimeRow {
  county_code: string | null;
  county_name: string | null;
  closed: number;
  with_deadline: number;
  on_time: number;
}

export function publicOnTimeRates(em: EntityManager): Promise<OnTimeRow[]> {
  return em.execute<OnTimeRow[]>(`select * from gw_public_on_time_rates()`);
}
