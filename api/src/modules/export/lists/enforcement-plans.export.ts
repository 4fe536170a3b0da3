import { EnforcementPlan } from '../../plan/plan.entity';
import { PlanFilter } from '../../plan/plan.inputs';
import { planService } from '../../plan/plan.service';
import { PLAN_KIND } from '../enum-labels';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

/** Enforcement plans with their completion (the plan's top-level tasks, cancelled ones left out). */
export const enforcementPlansExport = defineExport<EnforcementPlan, PlanFilter>({
  name: 'enforcement-plans',
  zh: '执法计划',
  en: 'Enforcement plans',
  subject: 'EnforcementPlan',
  filter: { type: PlanFilter, name: 'PlanFilter' },
  page: (ctx, filter, _order, page) => planService.list(ctx, filter, page),
  columns: [
    { key: 'title', zh: '标题', en: 'Title', value: (p) => p.title },
    { key: 'kind', zh: '类型', en: 'Kind', type: PLAN_KIND, value: (p) => p.kind },
    { key: 'year', zh: '年份', en: 'Year', type: 'number', value: (p) => p.year },
    { key: 'month', zh: '月份', en: 'Month', type: 'number', value: (p) => p.month },
    gridColumn('unitCode', '制定单位编码', 'Unit code', (p) => p.unitId, 'code'),
    gridColumn('unit', '制定单位', 'Unit', (p) => p.unitId, 'name'),
    ...unitColumns<EnforcementPlan>(),
    { key: 'taskCount', zh: '任务数', en: 'Tasks', type: 'number', value: async (p, ctx) => (await planService.progress(ctx, p)).total },
    { key: 'doneCount', zh: '已完成', en: 'Done', type: 'number', value: async (p, ctx) => (await planService.progress(ctx, p)).done },
    { key: 'description', zh: '说明', en: 'Description', value: (p) => p.description },
    { key: 'createdAt', zh: '制定时间', en: 'Created at', type: 'datetime', value: (p) => p.createdAt },
    idColumn(),
  ],
});
