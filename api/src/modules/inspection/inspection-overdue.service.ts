import { connection, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError } from '../../common/errors';
import { findVisible } from '../../data/records';
import { scopedSelectSql } from '../../data/scoped-sql';
import type { RequestContext } from '../../context/request-context';
import { beijingDay } from '@gridwatch/domain';
import { Grid } from '../grid/grid.entity';
import { subtreeOf } from '../grid/grid.service';
import { PollutionSource } from '../source/source.entity';
import { SourceStatus } from '../source/source.enums';
import type { OverdueFilter } from './inspection.inputs';
import { inspectionDueSql, SOURCE_COLUMNS } from './inspection.sql';
import type { OverdueSource } from './inspection.types';

interface Row {
  id: number;
  last_on: string | null;
  due_on: string;
  days_overdue: number;
  factor: number;
}

function decodeCursor(cursor: string): [number, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n))) return value as [number, number];
  } catch {
    // fall through to the input error
  }
  throw new BadInputError('Invalid cursor', [{ field: 'after', message: 'not a cursor returned by this API' }]);
}

const encodeCursor = (daysOverdue: number, id: number): string => Buffer.from(JSON.stringify([daysOverdue, id])).toString('base64url');

export const inspectionOverdueService = {
  /** 检查超期: most overdue first, keyset-paged on (days overdue, id). */
  async list(ctx: RequestContext, filter: OverdueFilter = {}, args: ConnectionArgs): Promise<Connection<OverdueSource>> {
    if (args.last != null || args.before != null) throw new BadInputError('This list pages forward only', [{ field: 'last', message: 'use first/after' }]);
    const first = args.first;
    if (first == null) throw new BadInputError('Give first', [{ field: 'first', message: 'required' }]);
    const asOf = filter.asOf ?? beijingDay(ctx.clock.now());
    const sourceFilter = [
      ...(filter.withinId ? [subtreeOf<PollutionSource>(await findVisible(ctx, Grid, filter.withinId), 'gridId')] : []),
      ...(filter.supervisionLevel ? [{ supervisionLevel: filter.supervisionLevel }] : []),
    ];
    const scope = scopedSelectSql(ctx, PollutionSource, 'PollutionSource', 's', SOURCE_COLUMNS, {
      $and: [...sourceFilter, { status: SourceStatus.ACTIVE }],
    });
    const empty = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };
    if (!scope) return connection<OverdueSource>([], () => '', empty, async () => 0);
    const due = inspectionDueSql(scope.sql);
    const after = args.after ? decodeCursor(args.after) : null;
    const keyset = after ? 'and (due.as_of - due.due_on < ? or (due.as_of - due.due_on = ? and due.id > ?))' : '';
    const rows = await ctx.em.execute<Row[]>(
      `select due.id, due.last_on, due.due_on::text as due_on, (due.as_of - due.due_on) as days_overdue, due.factor
       from (${due}) due where due.due_on < due.as_of ${keyset}
       order by days_overdue desc, due.id asc limit ?`,
      [...scope.bindings, asOf, ...(after ? [after[0], after[0], after[1]] : []), first + 1],
    );
    const page = rows.slice(0, first);
    const sources = await ctx.em.find(PollutionSource, { id: { $in: page.map((r) => r.id) } });
    const byId = new Map(sources.map((s) => [s.id, s]));
    const nodes: OverdueSource[] = page.flatMap((r) => {
      const source = byId.get(r.id);
      return source ? [{ source, lastInspectedOn: r.last_on, dueOn: r.due_on, daysOverdue: r.days_overdue, inspectionFactor: r.factor }] : [];
    });
    const cursorOf = (n: OverdueSource) => encodeCursor(n.daysOverdue, n.source.id);
    const [head, tail] = [nodes[0], nodes[nodes.length - 1]];
    return connection<OverdueSource>(
      nodes,
      cursorOf,
      { hasNextPage: rows.length > first, hasPreviousPage: after != null, startCursor: head ? cursorOf(head) : null, endCursor: tail ? cursorOf(tail) : null },
      async () => {
        const [count] = await ctx.em.execute<{ n: number }[]>(
          `select count(*)::int as n from (${due}) due where due.due_on < due.as_of`,
          [...scope.bindings, asOf],
        );
        return count.n;
      },
    );
  },
};
