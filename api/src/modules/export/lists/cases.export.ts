import { loadVisible } from '../../../data/records';
import { CaseCategory } from '../../department/case-category.entity';
import type { Case } from '../../case/case.entity';
import { CaseFilter, type CaseOrder } from '../../case/case.inputs';
import { caseService } from '../../case/case.service';
import { Department } from '../../department/department.entity';
import { PollutionSource } from '../../source/source.entity';
import { ANSWER_METHOD, CASE_CHANNEL, CASE_COMPLEXITY, CASE_ORIGIN, CASE_STATUS, CASE_URGENCY, DEPARTMENT_FIELD } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

// Complainant details are left out: they are sensitive and not needed in a list.
export const casesExport = defineExport<Case, CaseFilter, CaseOrder>({
  name: 'cases',
  zh: '案件',
  en: 'Cases',
  subject: 'Case',
  filter: { type: CaseFilter, name: 'CaseFilter' },
  order: { name: 'CaseOrder' },
  page: (ctx, filter, order, page) => caseService.list(ctx, filter, order, page),
  columns: [
    { key: 'number', zh: '案件编号', en: 'Number', value: (c) => c.number },
    { key: 'category', zh: '类别', en: 'Category', value: async (c, ctx) => (await loadVisible(ctx, CaseCategory, c.categoryId))?.name },
    { key: 'origin', zh: '来源', en: 'Origin', type: CASE_ORIGIN, value: (c) => c.origin },
    { key: 'channel', zh: '受理渠道', en: 'Channel', type: CASE_CHANNEL, value: (c) => c.channel },
    { key: 'externalTicket', zh: '工单号', en: 'Ticket number', value: (c) => c.externalTicket },
    { key: 'urgency', zh: '紧急程度', en: 'Urgency', type: CASE_URGENCY, value: (c) => c.urgency },
    { key: 'status', zh: '状态', en: 'Status', type: CASE_STATUS, value: (c) => c.status },
    { key: 'description', zh: '问题描述', en: 'Description', value: (c) => c.description },
    { key: 'address', zh: '地址', en: 'Address', value: (c) => c.address },
    gridColumn('gridCode', '网格编码', 'Grid code', (c) => c.gridId, 'code'),
    gridColumn('gridName', '所在网格', 'Grid', (c) => c.gridId, 'name'),
    ...unitColumns<Case>(),
    { key: 'source', zh: '涉及污染源', en: 'Pollution source', value: async (c, ctx) => (await loadVisible(ctx, PollutionSource, c.sourceId))?.name },
    { key: 'field', zh: '责任部门职能', en: 'Responsible field', type: DEPARTMENT_FIELD, value: (c) => c.field },
    { key: 'leadDepartment', zh: '牵头部门', en: 'Lead department', value: async (c, ctx) => (await loadVisible(ctx, Department, c.leadDepartmentId))?.name },
    { key: 'complexity', zh: '案情', en: 'Complexity', type: CASE_COMPLEXITY, value: (c) => c.complexity },
    { key: 'reportedAt', zh: '上报时间', en: 'Reported at', type: 'datetime', value: (c) => c.reportedAt },
    { key: 'dueAt', zh: '当前环节时限', en: 'Due at', type: 'datetime', value: (c) => c.dueAt },
    { key: 'closedAt', zh: '结案时间', en: 'Closed at', type: 'datetime', value: (c) => c.closedAt },
    { key: 'answerDueAt', zh: '答复时限', en: 'Answer due', type: 'datetime', value: (c) => c.answerDueAt },
    { key: 'answeredAt', zh: '答复时间', en: 'Answered at', type: 'datetime', value: (c) => c.answeredAt },
    { key: 'answerMethod', zh: '答复方式', en: 'Reply method', type: ANSWER_METHOD, value: (c) => c.answerMethod },
    { key: 'extensionCount', zh: '延期次数', en: 'Extensions', type: 'number', value: (c) => c.extensionCount },
    { key: 'score', zh: '评价得分', en: 'Score', type: 'number', value: (c) => c.score },
    { key: 'lng', zh: '经度', en: 'Longitude', type: 'number', value: (c) => c.lng },
    { key: 'lat', zh: '纬度', en: 'Latitude', type: 'number', value: (c) => c.lat },
    idColumn(),
  ],
});
