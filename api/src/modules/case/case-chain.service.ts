import type { EntityManager } from '@mikro-orm/postgresql';
import { checkChains } from './case.sql';

export interface ChainReport {
  /** The county's grid id (0: events without a county). */
  chainKey: number;
  events: number;
  /** The first broken link, or null when the chain holds. */
  broken: { eventId: number; caseId: number; seq: number | null; problem: string } | null;
}

/** Each chain's first broken link: its links checked in SQL (case.sql.ts checkChains), then its head against its last event. */
export async function verifyChains(em: EntityManager, chainKey: number | null = null): Promise<ChainReport[]> {
  const rows = await checkChains(em, chainKey);
  const heads = await em.execute<{ chain_key: number; seq: string; hash: string }[]>('select chain_key, seq, hash from case_event_chain');
  return rows.map((row) => {
    const head = heads.find((h) => h.chain_key === row.chain_key);
    let broken: ChainReport['broken'] = null;
    if (row.problem !== null) {
      // eventId 0: the break is at a month archived by events:archive.
      broken = { eventId: Number(row.broken_id ?? 0), caseId: Number(row.broken_case ?? 0), seq: row.broken_seq === null ? null : Number(row.broken_seq), problem: row.problem };
    } else if (head && (head.hash !== row.last_hash || head.seq !== row.last_seq)) {
      broken = { eventId: 0, caseId: 0, seq: Number(head.seq), problem: `the chain head (seq ${head.seq}) is past the last event (seq ${row.last_seq}): events were removed from the end` };
    }
    return { chainKey: row.chain_key, events: row.events, broken };
  });
}
