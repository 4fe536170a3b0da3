import type { EntityManager } from '@mikro-orm/postgresql';

export interface ChainReport {
  /** The county's grid id (0: events without a county). */
  chainKey: number;
  events: number;
  /** The first broken link, or null when the chain holds. */
  broken: { eventId: number; caseId: number; seq: number | null; problem: string } | null;
}

/**
 * Recomputes every link of the per-county event chains in SQL (the digest function the
 * insert trigger uses) and names the first broken one: an edited row (hash mismatch), a
 * removed or reordered row (prev_hash or seq gap), an unchained row, or a cut tail (the chain
 * head no longer matches the last event).
 */
const CHECK_SQL = `
with links as (
  select e.id, e.case_id, e.chain_key, e.chain_seq, e.hash,
         case
           when e.hash is null then 'not chained'
           when e.chain_seq <> coalesce(lag(e.chain_seq) over w, 0) + 1 then 'sequence gap (an event is missing)'
           when e.prev_hash is distinct from coalesce(lag(e.hash) over w, '') then 'previous hash does not match (an event was removed or replaced)'
           when case_event_digest(e.prev_hash, e) <> e.hash then 'content does not match its hash (the event was edited)'
         end as problem
  from case_event e
  where (?::int is null or e.chain_key = ?::int)
  window w as (partition by e.chain_key order by e.chain_seq nulls first, e.id)
)
select l.chain_key, count(*)::int as events,
       (array_agg(l.id order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as broken_id,
       (array_agg(l.case_id order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as broken_case,
       (array_agg(l.chain_seq order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as broken_seq,
       (array_agg(l.problem order by l.chain_seq nulls first, l.id) filter (where l.problem is not null))[1] as problem,
       (array_agg(l.hash order by l.chain_seq desc nulls last))[1] as last_hash,
       max(l.chain_seq) as last_seq
from links l
group by l.chain_key
order by l.chain_key`;

interface CheckRow {
  chain_key: number;
  events: number;
  broken_id: string | null;
  broken_case: number | null;
  broken_seq: string | null;
  problem: string | null;
  last_hash: string | null;
  last_seq: string | null;
}

export async function verifyChains(em: EntityManager, chainKey: number | null = null): Promise<ChainReport[]> {
  const rows = await em.execute<CheckRow[]>(CHECK_SQL, [chainKey, chainKey]);
  const heads = await em.execute<{ chain_key: number; seq: string; hash: string }[]>('select chain_key, seq, hash from case_event_chain');
  return rows.map((row) => {
    const head = heads.find((h) => h.chain_key === row.chain_key);
    let broken: ChainReport['broken'] = null;
    if (row.broken_id !== null) {
      broken = { eventId: Number(row.broken_id), caseId: Number(row.broken_case), seq: row.broken_seq === null ? null : Number(row.broken_seq), problem: row.problem ?? '' };
    } else if (head && (head.hash !== row.last_hash || head.seq !== row.last_seq)) {
      broken = { eventId: 0, caseId: 0, seq: Number(head.seq), problem: `the chain head (seq ${head.seq}) is past the last event (seq ${row.last_seq}): events were removed from the end` };
    }
    return { chainKey: row.chain_key, events: row.events, broken };
  });
}
