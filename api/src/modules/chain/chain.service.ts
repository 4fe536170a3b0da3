import type { ConnectionArgs, Connection } from '../../common/connection';
import { paginate } from '../../common/connection';
import { ForbiddenError } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { beijingDay } from '@gridwatch/domain';
import { Grid } from '../grid/grid.entity';
import type { ChainSigner } from './chain-signer';
import { ChainCheckpoint } from './chain-checkpoint.entity';
import { archivedRuns, countyHeads, digestTexts, insertCheckpoint, requestCheckpointJob } from './chain.sql';
import type { ArchivedEventRun } from './chain.types';

/** What a checkpoint signs: the county, its chain's head, the key and the moment (JSON, this key order). */
export interface CheckpointPayload {
  type: 'gridwatch.chain-checkpoint';
  version: 1;
  county: { id: string; code: string; name: string };
  /** The county's internal id, as it appears in each event's digest text (its second element). */
  chainKey: number;
  day: string;
  seq: number;
  hash: string;
  keyId: string;
  signedAt: string;
}

export const chainService = {
  /**
   * Signs every county's chain head that is not signed yet (the scheduler's job: its owner
   * login sees every county). "Today" is the injected clock's Beijing day.
   */
  async makeCheckpoints(ctx: RequestContext, signer: ChainSigner): Promise<{ signed: number; unchanged: number }> {
    const now = ctx.clock.now();
    let signed = 0;
    const heads = await countyHeads(ctx.em);
    for (const head of heads) {
      const payload: CheckpointPayload = {
        type: 'gridwatch.chain-checkpoint',
        version: 1,
        county: { id: toGlobalId('Grid', head.county_id), code: head.code, name: head.name },
        chainKey: head.county_id,
        day: beijingDay(now),
        seq: Number(head.seq),
        hash: head.hash,
        keyId: signer.keyId,
        signedAt: now.toISOString(),
      };
      const text = JSON.stringify(payload);
      const row = { cityId: head.city_id, countyId: head.county_id, day: payload.day, seq: payload.seq, headHash: head.hash, keyId: signer.keyId, payload: text, signature: signer.sign(text), signedAt: now };
      if (await insertCheckpoint(ctx.em, row)) signed += 1;
    }
    return { signed, unchanged: heads.length - signed };
  },

  /** The checkpoints the caller may read (row-level security and the scope filter), newest first. */
  async list(ctx: RequestContext, countyId: string | null, args: ConnectionArgs): Promise<Connection<ChainCheckpoint>> {
    const where = countyId ? { countyId: (await findVisible(ctx, Grid, countyId)).id } : {};
    return paginate(ctx.em, ChainCheckpoint, where, [{ signedAt: 'desc' }, { id: 'desc' }], args);
  },

  /** The archived runs the caller may read (row-level security: where it reads the county's checkpoints). */
  async archivedRuns(ctx: RequestContext, countyId: string | null): Promise<ArchivedEventRun[]> {
    const county = countyId ? (await findVisible(ctx, Grid, countyId)).id : null;
    return (await archivedRuns(ctx.em, county)).map((r) => ({
      chainKey: r.chain_key,
      county: r.county_id === null ? null : toGlobalId('Grid', r.county_id),
      month: r.month,
      firstSeq: Number(r.first_seq),
      lastSeq: Number(r.last_seq),
      firstPreviousHash: r.first_prev_hash,
      lastHash: r.last_hash,
      events: Number(r.events),
    }));
  },

  /** Queues the checkpoint job now (one pending request at a time); false without a job queue. */
  async request(ctx: RequestContext): Promise<boolean> {
    if (!ctx.ability.can('create', 'ChainCheckpoint')) throw new ForbiddenError('Your role may not request chain checkpoints');
    return requestCheckpointJob(ctx.em);
  },

  /** Each event's digest text, batched per request. */
  digestText(ctx: RequestContext, eventId: number): Promise<string | null> {
    const loader = ctx.loaders.get<number, string | null>('CaseEvent.digestText', async (ids) => {
      const rows = await digestTexts(ctx.em, ids);
      return ids.map((id) => rows.find((r) => Number(r.id) === id)?.text ?? null);
    });
    return loader.load(eventId);
  },
};
