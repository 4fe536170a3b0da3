import type { FilterQuery } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { BadInputError } from '../../common/errors';
import { findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { CaseEvent } from './case-event.entity';

@ObjectType('CaseEventFeed', { description: '案件流转变更流: 按提交顺序增量同步' })
export class CaseEventFeed {
  @Field(() => [CaseEvent])
  nodes!: CaseEvent[];

  @Field(() => String, { nullable: true, description: '下次调用的 after; 没有新事件时与传入的相同' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: '是否还有已可读取的事件 (再取一页)' })
  hasMore!: boolean;
}

type Position = { txId: number; id: number };

function encode(p: Position): string {
  return Buffer.from(`${p.txId}:${p.id}`).toString('base64url');
}

function decode(cursor: string): Position {
  const [txId, id] = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (!Number.isSafeInteger(txId) || !Number.isSafeInteger(id)) throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'invalid cursor' }]);
  return { txId, id };
}

/**
 * The change feed for integrators. Ids are taken before commit, so id order is not commit
 * order: an event with a smaller id can become visible after a reader has passed it. The feed
 * therefore only hands out events of transactions older than the oldest one still running
 * (pg_snapshot_xmin), ordered by (transaction id, id). No transaction below that horizon can
 * add events any more, and every later one sorts after the cursor, so nothing is missed or
 * repeated. A long transaction delays the feed; it never skips it.
 */
export async function caseEventFeed(ctx: RequestContext, after: string | null, unitId: string | null, first: number): Promise<CaseEventFeed> {
  const where: FilterQuery<CaseEvent>[] = [];
  const [{ horizon }] = await ctx.em.execute<{ horizon: string }[]>('select pg_snapshot_xmin(pg_current_snapshot())::text as horizon');
  where.push({ txId: { $lt: Number(horizon) } });
  if (after) {
    const p = decode(after);
    where.push({ $or: [{ txId: { $gt: p.txId } }, { txId: p.txId, id: { $gt: p.id } }] });
  }
  if (unitId) where.push(subtreeOf<CaseEvent>(await findVisible(ctx, Grid, unitId), 'gridId'));
  const rows = await ctx.em.find(CaseEvent, { $and: where }, { orderBy: [{ txId: 'asc' }, { id: 'asc' }], limit: first + 1 });
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return { nodes, hasMore: rows.length > first, endCursor: last ? encode({ txId: last.txId!, id: last.id }) : after };
}
