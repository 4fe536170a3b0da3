/**
 * The case module's hand-written SQL: the committed state of a case whose versioned update was
 * refused, the ids of possible duplicates of a case, and the check of the per-county event
 * chains. The first two run in the request's transaction on a case the service read through the
 * scoped ORM: row-level security bounds them, and the duplicates' ids are loaded back through the
 * scoped ORM, so the caller sees only cases it may read. The chain check is an operator's
 * (verify-chain, tests): it runs on the owner's connection, outside row-level security, over
 * every county's chain.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../context/request-context';
import { CaseStatus } from './case.enums';
import type { Case } from './case.entity';

/** The committed status and version of a case. */
export async function committedState(ctx: RequestContext, caseId: number): Promise<Pick<Case, 'status' | 'version'> | undefined> {
  // The identity map holds our rejected change: read the committed row.
  const [row] = await ctx.em.execute<Pick<Case, 'status' | 'version'>[]>('select status, version from "case" where id = ?', [caseId]);
  return row;
}

/**
 * Candidates among all intake channels: not cancelled nor linked as a duplicate, closed
 * (结案, 已评价) only when asked, of one category (the case's own unless another is asked),
 * reported within the window, and near: when both cases have a location, within the radius
 * (haversine on WGS-84 points, whatever their grids); when either has none, the distance is
 * unknown and only a case on the same grid counts. Same county only: a duplicate is filed by
 * the unit that handles both. The ids come from one SQL statement; the rows are then loaded
 * through the scoped em, so the caller sees only cases it may read.
 */
const CANDIDATES_SQL = `
select c.id from "case" c
where c.id <> ? and c.status <> all(?::text[]::case_status[]) and c.duplicate_of_id is null and c.category_id = ?
  and c.county_id is not distinct from ?
  and c.reported_at between ?::timestamptz - make_interval(hours => ?) and ?::timestamptz + make_interval(hours => ?)
  and case
    when c.lat is null or c.lng is null or ?::float8 is null or ?::float8 is null then c.grid_id = ?
    else 2 * 6371000 * asin(sqrt(power(sin(radians(c.lat - ?::float8) / 2), 2)
         + cos(radians(?::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lng - ?::float8) / 2), 2))) <= ?
  end
order by c.reported_at desc, c.id desc
limit 20`;

export interface DuplicateSearch {
  radiusMeters: number;
  withinHours: number;
  categoryId: number;
  includeClosed: boolean;
}

/** The ids of the cases that may duplicate `kase`, newest first, at most 20. */
export function duplicateCandidateIds(ctx: RequestContext, kase: Case, search: DuplicateSearch): Promise<{ id: number }[]> {
  const excluded = search.includeClosed ? [CaseStatus.CANCELLED] : [CaseStatus.CANCELLED, CaseStatus.CLOSED, CaseStatus.EVALUATED];
  const lat = kase.lat ?? null;
  const lng = kase.lng ?? null;
  return ctx.em.execute<{ id: number }[]>(CANDIDATES_SQL, [
    kase.id, `{${excluded.join(',')}}`, search.categoryId, kase.countyId ?? null,
    kase.reportedAt, search.withinHours, kase.reportedAt, search.withinHours,
    lat, lng, kase.gridId, lat, lat, lng, search.radiusMeters,
  ]);
}

/**
 * Recomputes every link of the per-county event chains in SQL (the digest function the
 * insert trigger uses) and names the first broken one: an edited row (hash mismatch), a
 * removed or reordered row (prev_hash or seq gap), an unchained row, or a cut tail (the chain
 * head no longer matches the last event). A month archived by `pnpm events:archive` stands in
 * for its events with each chain's runs of consecutive seqs and the hashes at their ends
 * (checked against the file's rows when it was written), so the retained events still link.
 */
const CHECK_SQL = `
with items as (
  select e.id, e.case_id, e.chain_key, e.chain_seq as first_seq, e.chain_seq, e.prev_hash, e.hash,
         case
           when e.hash is null then 'not chained'
           when case_event_digest(e.prev_hash, e) <> e.hash then 'content does not match its hash (the event was edited)'
         end as own_problem
  from case_event e
  where (?::int is null or e.chain_key = ?::int)
  union all
  select null, null, r.chain_key, r.first_seq, r.last_seq, r.first_prev_hash, r.last_hash, null
  from case_event_archive_run r join case_event_archive a on a.id = r.archive_id
  where a.restored_at is null and (?::int is null or r.chain_key = ?::int)
), links as (
  select i.id, i.case_id, i.chain_key, i.chain_seq, i.hash,
         case
           when i.own_problem = 'not chained' then i.own_problem
           when i.first_seq <> coalesce(lag(i.chain_seq) over w, 0) + 1 then 'sequence gap (an event is missing)'
           when i.prev_hash is distinct from coalesce(lag(i.hash) over w, '') then 'previous hash does not match (an event was removed or replaced)'
           else i.own_problem
         end as problem
  from items i
  window w as (partition by i.chain_key order by i.chain_seq nulls first, i.id)
)
select l.chain_key, count(l.id)::int as events,
       (array_agg(l.id order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as broken_id,
       (array_agg(l.case_id order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as broken_case,
       (array_agg(l.chain_seq order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as broken_seq,
       (array_agg(l.problem order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as problem,
       (array_agg(l.hash order by l.chain_seq desc nulls last))[1] as last_hash,
       max(l.chain_seq) as last_seq
from links l
group by l.chain_key
order by l.chain_key`;

/** One row per chain (of `chainKey` only, when given), in chain order. */
export interface ChainCheckRow {
  chain_key: number;
  /** The events in the database (an archived month's are not counted). */
  events: number;
  /** Null with a problem when the break is at an archived run. */
  broken_id: string | null;
  broken_case: number | null;
  broken_seq: string | null;
  problem: string | null;
  last_hash: string | null;
  last_seq: string | null;
}

export function checkChains(em: EntityManager, chainKey: number | null): Promise<ChainCheckRow[]> {
  return em.execute<ChainCheckRow[]>(CHECK_SQL, [chainKey, chainKey, chainKey, chainKey]);
}

export interface EventActorRow {
  id: number;
  name: string;
  unit: string;
  department: string | null;
}

/** Name, unit and department of the accounts behind events the caller read through its scope. */
export function eventActors(ctx: RequestContext, accountIds: readonly number[]): Promise<EventActorRow[]> {
  return ctx.em.execute<EventActorRow[]>('select * from gw_event_actors(?::int[])', [`{${accountIds.join(',')}}`]);
}
