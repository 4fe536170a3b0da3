import { loadVisible } from '../../../data/records';
import { PatrolPlan } from '../../patrol/patrol-plan.entity';
import { PatrolPlanFilter } from '../../patrol/patrol.inputs';
import { patrolService } from '../../patrol/patrol.service';
import { GridWorker } from '../../person/grid-worker.entity';
import { gridColumn, idColumn, unitColumns } from '../export-columns';
import { defineExport } from '../export-list';

/** A month's patrol plans (the filter names the month) with required and done from patrol_plan_progress. */
export const patrolPlansExport = defineExport<PatrolPlan, PatrolPlanFilter>({
  name: 'patrol-plans',
  zh: '月度巡查计划',
  en: 'Patrol plans',
  subject: 'PatrolPlan',
  filter: { type: PatrolPlanFilter, name: 'PatrolPlanFilter' },
  page: (ctx, filter, _order, page) => patrolService.plans(ctx, filter, page),
  columns: [
    { key: 'month', zh: '月份', en: 'Month', value: (p) => patrolService.monthLabel(p) },
    { key: 'gridWorker', zh: '环保网格员', en: 'Grid worker', value: async (p, ctx) => (await loadVisible(ctx, GridWorker, p.gridWorkerId))?.name ?? null },
    gridColumn('gridCode', '网格编码', 'Grid code', (p) => p.gridId, 'code'),
    gridColumn('grid', '网格', 'Grid', (p) => p.gridId, 'name'),
    ...unitColumns<PatrolPlan>(),
    { key: 'requiredCount', zh: '计划巡查次数', en: 'Required', type: 'number', value: (p) => p.requiredCount },
    { key: 'doneCount', zh: '已巡查次数', en: 'Done', type: 'number', value: (p, ctx) => patrolService.doneCount(ctx, p) },
    { key: 'baseCount', zh: '规则次数', en: 'Base count', type: 'number', value: (p) => p.baseCount },
    { key: 'factor', zh: '敏感时期系数', en: 'Factor', type: 'number', value: (p) => p.factor },
    { key: 'generatedAt', zh: '生成时间', en: 'Generated at', type: 'datetime', value: (p) => p.generatedAt },
    idColumn(),
  ],
});
