import { calendarOf } from '@gridwatch/domain';
import { loadAnnex1 } from '../annex1/annex1-row';
import { type CaseCategory, loadCaseCategories } from '../reference/case-categories';
import { buildDepartments } from '../reference/departments';
import { loadDutyMatrix } from '../reference/duty-matrix';
import { buildDemoAccounts, gridWorkerAccounts } from './accounts';
import { accountTable, gridWorkerGridTable, gridWorkerTable, officerGridTable, officerTable } from './people-tables';
import { caseAssignmentTable, caseEventTable, caseTable, firstHandler, type LifecycleOf, sourceChangeTable, sourceTable } from './activity-tables';
import { lifecycleOf as caseLifecycle, reportedDue } from './case-lifecycles';
import { type CaseDay, type CaseRecord, caseDays, caseRecords } from './cases';
import { buildGridTree, type GridNode, platformUnitIds } from './grid-tree';
import { readDivisionTable } from '../nation/division-table';
import { buildNationTree } from '../nation/nation-tree';
import { buildGridWorkers, buildOfficers } from './people';
import type { ProfileSpec } from './profiles';
import { calendarDays } from '../reference/calendar';
import {
  calendarDayTable,
  calendarYearTable,
  caseCategoryTable,
  departmentCategoryPairs,
  departmentCategoryTable,
  departmentTable,
  dutyAssignmentTable,
  gridTable,
} from './reference-tables';
import { gridsById, planSources, sourceRecords } from './sources';
import { CaseLog, type CaseLogData, type ReportedCase } from './case-log';
import { kpiTables } from './kpi-tables';
import { RollupCounter } from './rollups';
import type { TableData } from './table';
import { checkIns, checkInTable, patrolPlans, patrolPlanTable, patrolRuleTable } from './patrols';
import { inspectionRecords, inspectionTable } from './inspections';
import { seedTimeline } from './timeline';
import { trainingRecords, trainingTables } from './training';

export interface DatasetInput {
  spec: ProfileSpec;
  seed: number;
  /** The Beijing day the data is laid out before (timeline.ts); the same seed and anchor give the same data. */
  anchor: string;
  /** The demo accounts' password hash (computed once by the caller). */
  passwordHash: string;
  /** Defaults to the committed Annex 1 and category files. */
  annex?: ReturnType<typeof loadAnnex1>;
  categories?: CaseCategory[];
  /** The case log of the scale profiles, recorded by another thread's pass: the events replay it without generating the cases. */
  caseLog?: CaseLogData;
  /** Hears of the case log once a pass over the case table has recorded it. */
  onCaseLog?: (data: CaseLogData) => void;
  /** Only these cases (whole days; read at each pass, a worker thread moves it from run to run), and no rollups counted. */
  caseRange?: CaseDay;
}

/** Cases only reported (no life cycles): their KPI rollups are counted too, after the case rollups. */
function withKpi(table: TableData, reported: (() => Iterable<ReportedCase>) | null): TableData {
  if (reported) table.derived = [...(table.derived ?? []), ...kpiTables(table.count, reported)];
  return table;
}

/**
 * Every table of a profile in load order (parents before the rows that reference them).
 * Small tables are built in memory; sources and cases are generators that can be iterated
 * more than once with the same result.
 */
export function buildDataset(input: DatasetInput): TableData[] {
  const { spec, seed } = input;
  const timeline = seedTimeline(input.anchor);
  const grids: GridNode[] = spec.nation
    ? buildNationTree(readDivisionTable({ provinces: spec.nation.provinces }))
    : buildGridTree(input.annex ?? loadAnnex1(), spec.cities);
  const categories = input.categories ?? loadCaseCategories();
  const departments = buildDepartments(grids);
  const officers = buildOfficers(grids, seed);
  const workers = buildGridWorkers(grids, seed);
  const demoAccounts = buildDemoAccounts(grids, departments, officers, workers);
  const gridworker = demoAccounts.find((a) => a.role === 'GRID_WORKER');
  const demoGrid = workers.find((w) => w.id === gridworker?.gridWorkerId)?.gridId;
  const demo = gridworker && demoGrid !== undefined ? { gridId: demoGrid, accountId: gridworker.id } : null;

  const plan = planSources(grids, spec.sources, seed);
  const sources = (): ReturnType<typeof sourceRecords> => sourceRecords(grids, plan, seed, timeline);
  const generated = (): ReturnType<typeof caseRecords> => caseRecords(grids, categories, plan, spec.cases, seed, demo, timeline, { byDay: !spec.lifecycles, range: input.caseRange && { ...input.caseRange } });
  const patrols = spec.patrols === false ? [] : patrolPlans(grids, workers, timeline.patrolMonths);
  const platforms = platformUnitIds(grids);
  // The grid workers of the grids whose cases run through the workflow act through accounts.
  const workerAccount = new Map<number, number>();
  const lifecycleContext = { seed, timeline, calendar: calendarOf(calendarDays()), departments, workerAccountOf: (gridId: number) => workerAccount.get(gridId) ?? null };
  const lifecycleOf: LifecycleOf = spec.lifecycles ? (c) => caseLifecycle(c, firstHandler(c.grid, platforms), lifecycleContext) : () => null;
  const reportedDueOf = (c: Pick<CaseRecord, 'reportedAtMs' | 'origin' | 'urgency'>) => reportedDue(c, lifecycleContext.calendar);
  const acting = new Set<number>();
  if (spec.lifecycles) for (const c of generated()) if (lifecycleOf(c)) acting.add(c.grid.id);
  const accounts = [...demoAccounts, ...gridWorkerAccounts(workers, acting, demoAccounts)];
  const gridOfWorker = new Map(workers.map((w) => [w.id, w.gridId]));
  for (const a of accounts) if (a.gridWorkerId !== null) workerAccount.set(gridOfWorker.get(a.gridWorkerId)!, a.id);
  // A patrol report of such a case is the grid worker's own (上报 through its account).
  const cases = function* (): Generator<CaseRecord> {
    for (const c of generated()) {
      const own = c.origin === 'PATROL' && c.reportedById === null && acting.has(c.grid.id) && lifecycleOf(c) ? workerAccount.get(c.grid.id) : undefined;
      yield own === undefined ? c : { ...c, reportedById: own };
    }
  };
  // Exact row counts of the tables that grow with the life cycles (one pass; only the demo profile has any).
  let events = spec.cases;
  let assignments = 0;
  if (spec.lifecycles) {
    for (const c of cases()) {
      const life = lifecycleOf(c);
      events += life?.events.length ?? 0;
      assignments += life?.assignments.length ?? 0;
    }
  }
  // Without life cycles an event is its case's REPORT: replayed from the case table's pass.
  const log = spec.lifecycles ? null : new CaseLog(spec.cases, gridsById(grids), input.caseLog, input.onCaseLog);
  const caseRows = log ? () => log.record(cases()) : cases;
  const inspectionCount = spec.inspections ?? 0;
  const inspections = (): ReturnType<typeof inspectionRecords> => inspectionRecords(sources, officers, inspectionCount, seed, timeline);

  const counter = input.caseRange ? null : new RollupCounter(gridsById(grids));
  const caseData = withKpi(caseTable(spec.cases, caseRows, platforms, lifecycleOf, reportedDueOf, counter), log && (() => log.replay(cases)));
  if (log && counter) {
    caseData.parts = {
      days: caseDays(spec.cases, timeline),
      adopt: (part, from, filled) => log.fill(part, from, filled),
      finish: () => {
        counter.reset();
        // Cases only reported: the due day is the report's, nothing closed.
        log.forEach((c, categoryId) => counter.add(c.grid.id, 'REPORTED', categoryId, c.reportedAtMs, reportedDueOf(c).dueMs, null));
        counter.finish();
      },
    };
  }

  return [
    gridTable(grids, timeline.referenceMs),
    caseCategoryTable(categories),
    dutyAssignmentTable(loadDutyMatrix(categories)),
    calendarDayTable(calendarDays()),
    calendarYearTable(calendarDays(), timeline.referenceMs),
    departmentTable(departments, timeline.referenceMs),
    departmentCategoryTable(departmentCategoryPairs(departments, categories)),
    officerTable(officers, timeline.referenceMs),
    officerGridTable(officers),
    gridWorkerTable(workers, timeline.referenceMs),
    gridWorkerGridTable(workers),
    accountTable(accounts, input.passwordHash, timeline.referenceMs),
    sourceTable(spec.sources, sources),
    sourceChangeTable(spec.sources, sources),
    caseData,
    log ? caseEventTable(events, () => log.replay(cases), () => null, reportedDueOf) : caseEventTable(events, cases, lifecycleOf, reportedDueOf),
    caseAssignmentTable(assignments, cases, lifecycleOf),
    patrolRuleTable(),
    patrolPlanTable(patrols),
    checkInTable(() => checkIns(patrols, seed)),
    inspectionTable(inspectionCount, inspections),
    // The demo's training records (the scale profiles have none).
    ...trainingTables(spec.lifecycles ? trainingRecords(grids, officers, workers, timeline) : null),
  ];
}
