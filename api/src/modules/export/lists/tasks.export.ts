import { loadVisible } from '../../../data/records';
import { GridWorker } from '../../person/grid-worker.entity';
import { Officer } from '../../person/officer.entity';
import { EnforcementPlan } from '../../plan/plan.entity';
import { TaskFilter } from '../../plan/plan.inputs';
import { taskService } from '../../plan/plan.service';
import { WorkTask } from '../../plan/task.entity';
import { TASK_ORIGIN, TASK_STATUS } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

/** Plan lines and non-planned tasks (上级批示交办, 群众投诉举报, 其他单位移送), subtasks included. */
export const tasksExport = defineExport<WorkTask, TaskFilter>({
  name: 'tasks',
  zh: '任务',
  en: 'Tasks',
  subject: 'WorkTask',
  filter: { type: TaskFilter, name: 'TaskFilter' },
  page: (ctx, filter, _order, page) => taskService.list(ctx, filter, page),
  columns: [
    { key: 'title', zh: '标题', en: 'Title', value: (t) => t.title },
    { key: 'origin', zh: '来源', en: 'Origin', type: TASK_ORIGIN, value: (t) => t.origin },
    { key: 'status', zh: '状态', en: 'Status', type: TASK_STATUS, value: (t) => t.status },
    { key: 'plan', zh: '执法计划', en: 'Plan', value: async (t, ctx) => (await loadVisible(ctx, EnforcementPlan, t.planId))?.title ?? null },
    { key: 'parent', zh: '上级任务', en: 'Parent task', value: async (t, ctx) => (await loadVisible(ctx, WorkTask, t.parentId))?.title ?? null },
    gridColumn('gridCode', '网格编码', 'Grid code', (t) => t.gridId, 'code'),
    gridColumn('grid', '网格', 'Grid', (t) => t.gridId, 'name'),
    ...unitColumns<WorkTask>(),
    { key: 'officer', zh: '执法人员', en: 'Officer', value: async (t, ctx) => (await loadVisible(ctx, Officer, t.officerId))?.name ?? null },
    { key: 'gridWorker', zh: '环保网格员', en: 'Grid worker', value: async (t, ctx) => (await loadVisible(ctx, GridWorker, t.gridWorkerId))?.name ?? null },
    gridColumn('issuedBy', '交办单位', 'Issued by', (t) => t.issuedByUnitId, 'name'),
    { key: 'dueAt', zh: '办理期限', en: 'Due at', type: 'datetime', value: (t) => t.dueAt },
    { key: 'overdue', zh: '超期未完成', en: 'Overdue', type: 'boolean', value: (t, ctx) => taskService.overdue(ctx, t) },
    { key: 'completedAt', zh: '完成时间', en: 'Completed at', type: 'datetime', value: (t) => t.completedAt },
    { key: 'result', zh: '办理结果', en: 'Result', value: (t) => t.result },
    { key: 'createdAt', zh: '交办时间', en: 'Created at', type: 'datetime', value: (t) => t.createdAt },
    idColumn(),
  ],
});
