import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Requires } from '../../auth/requires';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import type { RequestContext } from '../../context/request-context';
import { ComplaintTicketFilter } from './complaint.inputs';
import { complaintService } from './complaint.service';
import { ComplaintTicket } from './complaint.types';

const ComplaintTicketConnection = ConnectionType(ComplaintTicket, 'ComplaintTicket');

@Resolver(() => ComplaintTicket)
export class ComplaintResolver {
  @Query(() => ComplaintTicketConnection, { description: '工单对账: 某渠道某几天 (北京时间) 受理的工单、案件与答复 (本辖区内)' })
  @Requires('read', 'Case')
  complaintTickets(@Ctx() ctx: RequestContext, @Args(() => ConnectionArgs) page: ConnectionArgs, @Arg('filter', () => ComplaintTicketFilter) filter: ComplaintTicketFilter) {
    return complaintService.tickets(ctx, filter, page);
  }
}
