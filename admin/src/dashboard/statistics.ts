import { gql, type ApolloClient } from '@apollo/client';
import { now } from '../common/clock';

export type TrendUnit = 'DAY' | 'WEEK';

interface Counts {
  count: number;
  overdue: number;
  closed: number;
}
export interface UnitRow extends Counts {
  id: string;
  name: string;
}
export interface TrendPoint {
  period: string;
  count: number;
  closed: number;
}
export interface DashboardData {
  byStatus: ({ status: string } & Counts)[];
  byCategory: { category: { id: string; code: string; name: string }; count: number }[];
  /** Every child unit, those without cases as zeros. */
  byUnit: UnitRow[];
  trend: TrendPoint[];
  sources: number;
}

/** The whole dashboard in one request: grouped counts from caseStatistics (one SQL statement each). */
const DASHBOARD = gql`
  query Dashboard($from: DateTimeISO!, $trend: CaseStatisticsDimension!, $parentId: ID!, $hasChildren: Boolean!) {
    byStatus: caseStatistics(groupBy: [STATUS]) { status count overdue closed }
    byCategory: caseStatistics(groupBy: [CATEGORY]) { category { id code name } count }
    byUnit: caseStatistics(groupBy: [UNIT]) { unit { id name } count overdue closed }
    trend: caseStatistics(groupBy: [$trend], from: $from) { period count closed }
    children: grids(first: 100, filter: { parentId: $parentId }) @include(if: $hasChildren) { nodes { id name } }
    sources(first: 1) { totalCount }
  }
`;

interface Answer {
  byStatus: DashboardData['byStatus'];
  byCategory: DashboardData['byCategory'];
  byUnit: ({ unit: { id: string; name: string } | null } & Counts)[];
  trend: { period: string; count: number; closed: number }[];
  children?: { nodes: { id: string; name: string }[] };
  sources: { totalCount: number };
}

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000; // UTC+8 all year (no daylight saving)

/** Midnight in Shanghai of the day (or the Monday of the week) holding `t`, as a UTC instant. */
export function periodStart(t: number, unit: TrendUnit): number {
  const day = Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;
  if (unit === 'DAY') return day;
  const weekday = new Date(day + SHANGHAI).getUTCDay();
  return day - ((weekday + 6) % 7) * DAY;
}

/** The last 30 days or 12 weeks, every period present (zeros where nothing happened). */
export function trendPeriods(now: number, unit: TrendUnit): number[] {
  const [n, step] = unit === 'DAY' ? [30, DAY] : [12, 7 * DAY];
  const last = periodStart(now, unit);
  return Array.from({ length: n }, (_, i) => last - (n - 1 - i) * step);
}

export async function loadDashboard(client: ApolloClient<unknown>, unit: { id: string; level: string }, trendUnit: TrendUnit): Promise<DashboardData> {
  const periods = trendPeriods(now().getTime(), trendUnit);
  const { data } = await client.query<Answer>({
    query: DASHBOARD,
    variables: { from: new Date(periods[0]).toISOString(), trend: trendUnit, parentId: unit.id, hasChildren: unit.level !== 'VILLAGE' },
    fetchPolicy: 'network-only',
  });
  const byUnitId = new Map(data.byUnit.filter((r) => r.unit).map((r) => [r.unit!.id, r]));
  const units = data.children?.nodes ?? [];
  // Cases on the unit's own grid group under the unit itself: shown after its children.
  const own = data.byUnit.filter((r) => r.unit && !units.some((u) => u.id === r.unit!.id));
  const byUnit: UnitRow[] = [
    ...units.map((u) => ({ id: u.id, name: u.name, ...counts(byUnitId.get(u.id)) })),
    ...own.map((r) => ({ id: r.unit!.id, name: r.unit!.name, ...counts(r) })),
  ];
  const trendByPeriod = new Map(data.trend.map((p) => [new Date(p.period).getTime(), p]));
  const trend = periods.map((t) => ({ period: new Date(t).toISOString(), count: trendByPeriod.get(t)?.count ?? 0, closed: trendByPeriod.get(t)?.closed ?? 0 }));
  return { byStatus: data.byStatus, byCategory: data.byCategory, byUnit, trend, sources: data.sources.totalCount };
}

function counts(row: Counts | undefined): Counts {
  return { count: row?.count ?? 0, overdue: row?.overdue ?? 0, closed: row?.closed ?? 0 };
}

/** Units with cases, best first: highest share closed, then fewest overdue, then most cases. */
export function ranking(units: UnitRow[]): (UnitRow & { rate: number })[] {
  return units
    .filter((u) => u.count > 0)
    .map((u) => ({ ...u, rate: u.closed / u.count }))
    .sort((a, b) => b.rate - a.rate || a.overdue - b.overdue || b.count - a.count);
}
