import { ownerQuery } from './database';

/** What the queries need from the loaded data, read once as the owner. */
export interface Fixture {
  /** The county admin (Q1–Q5): 肥东县, an administrative county with villages. */
  county: { login: string; unit: string; id: number };
  /** The city inspector (Q5 city-wide, Q7). */
  city: { login: string; unit: string; id: number };
  /** Q1: a case in the middle of the county's ids. */
  caseId: number;
  /** Its shard key: part of the case's primary key (Migration20261210020000_county_key), so of PostGraphile's lookup. */
  caseCountyKey: number;
  caseNumber: string;
  /** Q2/Q3 deep page: page 10,000 when the county has that many, else its last page. */
  deepPage: number;
  /** Index (0-based, by deadline) of the row before the deep page: keyset and offset pages start after it. */
  deepBefore: number;
  /** The row before the deep page, as the keyset cursor (due_at, id). */
  deepAfter: { dueAt: string | null; id: number };
  /**
   * Q6: one platform operator per county that has REPORTED cases of its own to file (瑶海区's
   * demo `operator` first), each with those cases in id order: a real city's transitions fall
   * in many counties, and each county's hash chain orders its own.
   */
  operators: Operator[];
}

export interface Operator {
  /** Identity key of its unit header and session cookie (`operator:<county id>`). */
  key: string;
  login: string;
  unit: string;
  accountId: number;
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
  const operators = await platformOperators(url);
  const [mid] = await ownerQuery<{ id: number; county_key: number; number: string }>(
    url,
    `select id, county_key, number from "case" where county_id = $1 order by id offset (select count(*) / 2 from "case" where county_id = $1) limit 1`,
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
  return {
    county: { login: 'feidong', unit: `${county.level}:${county.id}`, id: county.id },
    city: { login: 'inspector', unit: `${city.level}:${city.id}`, id: city.id },
    caseId: mid.id,
    caseCountyKey: mid.county_key,
    caseNumber: mid.number,
    deepPage,
    deepBefore,
    deepAfter: { dueAt: before.due_at?.toISOString() ?? null, id: before.id },
    operators,
  };
}

/** The seeded demo platform operator (瑶海区); the other platform counties get one like it. */
const DEMO_OPERATOR = 'operator';

/**
 * One PLATFORM_OPERATOR account per county that handles REPORTED cases itself (the platform
 * counties), created on first use with the demo operator's password, and its fileable cases.
 */
async function platformOperators(url: string): Promise<Operator[]> {
  await ownerQuery(
    url,
    `insert into account (city_id, county_id, login, password_hash, display_name, unit_id, role)
     select g.city_id, g.id, 'bench-operator-' || g.code, demo.password_hash, g.name || '数字城管坐席（基准测试）', g.id, 'PLATFORM_OPERATOR'
     from grid g cross join (select password_hash, unit_id from account where login = $1) demo
     where g.level = 'COUNTY' and g.id <> demo.unit_id
       and exists (select 1 from "case" c where c.handling_unit_id = g.id and c.status = 'REPORTED')
     on conflict (login) do nothing`,
    [DEMO_OPERATOR],
  );
  const accounts = await ownerQuery<{ login: string; account: number; unit_id: number; level: string }>(
    url,
    `select a.login, a.id as account, a.unit_id, g.level::text as level from account a join grid g on g.id = a.unit_id
     where a.login = $1 or a.login like 'bench-operator-%' order by a.login <> $1, a.unit_id`,
    [DEMO_OPERATOR],
  );
  // Every platform county's cases in one statement (the province has 112 such counties).
  const cases = await ownerQuery<{ unit_id: number; id: number; version: number }>(
    url,
    `select handling_unit_id as unit_id, id, version from "case" where handling_unit_id = any($1::int[]) and status = 'REPORTED' order by id`,
    [accounts.map((a) => a.unit_id)],
  );
  const byUnit = new Map<number, { id: number; version: number }[]>();
  for (const { unit_id, id, version } of cases) {
    const list = byUnit.get(unit_id) ?? [];
    list.push({ id, version });
    byUnit.set(unit_id, list);
  }
  const operators = accounts
    .filter((a) => byUnit.has(a.unit_id))
    .map((a) => ({
      key: `operator:${a.unit_id}`,
      login: a.login,
      unit: `${a.level}:${a.unit_id}`,
      accountId: a.account,
      fileable: byUnit.get(a.unit_id) ?? [],
    }));
  // The nation profile's grid has no platform county (it is the division table): no operator to write as.
  const [{ platforms }] = await ownerQuery<{ platforms: boolean }>(url, `select exists (select 1 from grid where has_platform) as platforms`);
  if (platforms && !operators.some((o) => o.login === DEMO_OPERATOR)) throw new Error(`demo account ${DEMO_OPERATOR} has no case to file`);
  return operators;
}
