import { ownerQuery } from './database';

/** What the queries need from the loaded data, read once as the owner. */
export interface Fixture {
  /** The county admin (Q1–Q5): 肥东县, an administrative county with villages. */
  county: { login: string; unit: string; id: number };
  /** The city inspector (Q5 city-wide, Q7). */
  city: { login: string; unit: string; id: number };
  /** Q1: a case in the middle of the county's ids. */
  caseId: number;
  caseNumber: string;
  /** Q2/Q3 deep page: page 10,000 when the county has that many, else its last page. */
  deepPage: number;
  /** Index (0-based, by deadline) of the row before the deep page: keyset and offset pages start after it. */
  deepBefore: number;
  /** The row before the deep page, as the keyset cursor (due_at, id). */
  deepAfter: { dueAt: string | null; id: number };
  /** Q6: the platform operator and REPORTED cases of its county to file, in order. */
  operator: { login: string; unit: string; accountId: number };
  fileable: { id: number; version: number }[];
}

export const PAGE = 50;
export const WANTED_DEEP_PAGE = 10_000;

interface UnitRow {
  id: number;
  level: string;
  account: number;
}

async function unitOf(url: string, login: string): Promise<UnitRow> {
  const [row] = await ownerQuery<UnitRow>(url, 'select g.id, g.level::text as level, a.id as account from account a join grid g on g.id = a.unit_id where a.login = $1', [login]);
  if (!row) throw new Error(`demo account ${login} is missing`);
  return row;
}

export async function readFixture(url: string): Promise<Fixture> {
  const county = await unitOf(url, 'feidong');
  const city = await unitOf(url, 'inspector');
  const operator = await unitOf(url, 'operator');
  const [mid] = await ownerQuery<{ id: number; number: string }>(
    url,
    `select id, number from "case" where county_id = $1 order by id offset (select count(*) / 2 from "case" where county_id = $1) limit 1`,
    [county.id],
  );
  const [{ n }] = await ownerQuery<{ n: number }>(url, `select count(*)::int as n from "case" where county_id = $1 and status = 'REPORTED'`, [county.id]);
  const deepPage = Math.max(2, Math.min(WANTED_DEEP_PAGE, Math.ceil(n / PAGE)));
  // A small profile may hold fewer than two pages: the row before the deep page still leaves one row after it.
  const deepBefore = Math.max(0, Math.min(n - 2, (deepPage - 1) * PAGE - 1));
  const [before] = await ownerQuery<{ due_at: Date | null; id: number }>(
    url,
    `select due_at, id from "case" where county_id = $1 and status = 'REPORTED' order by due_at asc nulls last, id asc offset $2 limit 1`,
    [county.id, deepBefore],
  );
  const fileable = await ownerQuery<{ id: number; version: number }>(
    url,
    `select id, version from "case" where handling_unit_id = $1 and status = 'REPORTED' order by id`,
    [operator.id],
  );
  return {
    county: { login: 'feidong', unit: `${county.level}:${county.id}`, id: county.id },
    city: { login: 'inspector', unit: `${city.level}:${city.id}`, id: city.id },
    caseId: mid.id,
    caseNumber: mid.number,
    deepPage,
    deepBefore,
    deepAfter: { dueAt: before.due_at?.toISOString() ?? null, id: before.id },
    operator: { login: 'operator', unit: `${operator.level}:${operator.id}`, accountId: operator.account },
    fileable,
  };
}
