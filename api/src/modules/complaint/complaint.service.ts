import type { FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError } from '../../common/errors';
import type { RequestContext } from '../../context/request-context';
import { Case } from '../case/case.entity';
import type { ComplaintTicketFilter } from './complaint.inputs';
import { AnswerTimeliness, ComplaintTicket } from './complaint.types';

/** Midnight Beijing (UTC+8, no daylight saving) starting a yyyy-mm-dd day. */
const beijingMidnight = (day: string): Date => new Date(`${day}T00:00:00+08:00`);
const DAY_MS = 86_400_000;
/** A reconciliation covers at most a year of days: bounded like any list. */
const MAX_DAYS = 366;

/** On time when answered by the limit; late when answered after it, or still unanswered past it. */
export function timeliness(kase: Pick<Case, 'answeredAt' | 'answerDueAt'>, now: Date): AnswerTimeliness {
  const due = kase.answerDueAt;
  if (kase.answeredAt) return !due || kase.answeredAt <= due ? AnswerTimeliness.ON_TIME : AnswerTimeliness.LATE;
  return due && now > due ? AnswerTimeliness.LATE : AnswerTimeliness.PENDING;
}

function ticketOf(kase: Case, now: Date): ComplaintTicket {
  return Object.assign(new ComplaintTicket(), {
    channel: kase.channel!,
    externalTicket: kase.externalTicket ?? null,
    caseNumber: kase.number,
    caseId: kase.globalId,
    receivedAt: kase.reportedAt,
    status: kase.status,
    answerDueAt: kase.answerDueAt ?? null,
    answeredAt: kase.answeredAt ?? null,
    answerMethod: kase.answerMethod ?? null,
    answerSatisfaction: kase.answerSatisfaction ?? null,
    timeliness: timeliness(kase, now),
  });
}

function window(filter: ComplaintTicketFilter): { from: Date; to: Date } {
  const from = beijingMidnight(filter.fromDay);
  const to = new Date(beijingMidnight(filter.toDay).getTime() + DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new BadInputError('Not a date', [{ field: 'fromDay', message: 'yyyy-mm-dd' }]);
  if (to <= from) throw new BadInputError('The last day is before the first', [{ field: 'toDay', message: 'before fromDay' }]);
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw new BadInputError(`At most ${MAX_DAYS} days`, [{ field: 'toDay', message: `at most ${MAX_DAYS} days` }]);
  return { from, to };
}

export const complaintService = {
  /**
   * 对账: the channel's tickets received on the given Beijing days, oldest first, within the
   * caller's territory (the scoped em), each with its case, reply and whether it was on time.
   */
  async tickets(ctx: RequestContext, filter: ComplaintTicketFilter, page: ConnectionArgs): Promise<Connection<ComplaintTicket>> {
    const { from, to } = window(filter);
    const where: FilterQuery<Case> = { channel: filter.channel, reportedAt: { $gte: from, $lt: to } };
    const cases = await paginate(ctx.em, Case, where, [{ reportedAt: 'asc' }, { id: 'asc' }], page);
    const now = ctx.clock.now();
    return {
      nodes: cases.nodes.map((kase) => ticketOf(kase, now)),
      get edges() {
        return cases.edges.map((edge) => ({ node: ticketOf(edge.node, now), cursor: edge.cursor }));
      },
      pageInfo: cases.pageInfo,
      get totalCount() {
        return cases.totalCount;
      },
    };
  },
};
