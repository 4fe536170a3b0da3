import { ComplaintTicketFilter } from '../../complaint/complaint.inputs';
import { complaintService } from '../../complaint/complaint.service';
import type { ComplaintTicket } from '../../complaint/complaint.types';
import { ANSWER_METHOD, ANSWER_SATISFACTION, ANSWER_TIMELINESS, CASE_CHANNEL, CASE_STATUS } from '../enum-labels';
import { defineExport } from '../export-list';

/**
 * 工单对账: one channel's tickets of some Beijing days (the filter is ComplaintTicketFilter),
 * oldest first, to hold against the hotline's own list of the day.
 */
export const complaintTicketsExport = defineExport<ComplaintTicket, ComplaintTicketFilter>({
  name: 'complaint-tickets',
  zh: '投诉工单对账',
  en: 'Complaint tickets',
  subject: 'Case',
  filter: { type: ComplaintTicketFilter, name: 'ComplaintTicketFilter' },
  page: (ctx, filter, _order, page) => complaintService.tickets(ctx, filter, page),
  columns: [
    { key: 'externalTicket', zh: '工单号', en: 'Ticket number', value: (t) => t.externalTicket },
    { key: 'channel', zh: '受理渠道', en: 'Channel', type: CASE_CHANNEL, value: (t) => t.channel },
    { key: 'caseNumber', zh: '案件编号', en: 'Case number', value: (t) => t.caseNumber },
    { key: 'receivedAt', zh: '受理时间', en: 'Received at', type: 'datetime', value: (t) => t.receivedAt },
    { key: 'status', zh: '状态', en: 'Status', type: CASE_STATUS, value: (t) => t.status },
    { key: 'answerDueAt', zh: '答复时限', en: 'Answer due', type: 'datetime', value: (t) => t.answerDueAt },
    { key: 'answeredAt', zh: '答复时间', en: 'Answered at', type: 'datetime', value: (t) => t.answeredAt },
    { key: 'answerMethod', zh: '答复方式', en: 'Reply method', type: ANSWER_METHOD, value: (t) => t.answerMethod },
    { key: 'satisfaction', zh: '满意度', en: 'Satisfaction', type: ANSWER_SATISFACTION, value: (t) => t.answerSatisfaction },
    { key: 'timeliness', zh: '是否按时', en: 'On time', type: ANSWER_TIMELINESS, value: (t) => t.timeliness },
  ],
});
