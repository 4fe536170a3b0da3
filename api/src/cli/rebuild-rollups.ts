import { runOwnerCli } from './owner-cli';

/**
 * Recomputes the case rollups (case_rollup, case_rollup_due, case_rollup_day) from the cases
 * and the KPI rollups (case_kpi_case, case_kpi_rollup) from the event log, in one transaction:
 * after a bulk load that bypassed the triggers, or to repair them.
 * `pnpm rollups:rebuild` at the root; DATABASE_URL or the embedded database, as the owner.
 */
runOwnerCli(async (orm) => {
  const started = performance.now();
  const em = orm.em.fork();
  await em.transactional(async (tx) => {
    await tx.execute('select gw_case_rollup_rebuild()');
  });
  const [counts] = await em.execute<{ totals: number; days: number; cases: number; kpi: number }[]>(
    `select (select count(*) from case_rollup)::int as totals, (select count(*) from case_rollup_day)::int as days, (select count(*) from "case")::int as cases,
      (select count(*) from case_kpi_rollup)::int as kpi`,
  );
  console.log(`rollups rebuilt from ${counts.cases} cases: ${counts.totals} total rows, ${counts.days} day rows, ${counts.kpi} KPI rows, ${Math.round(performance.now() - started)} ms`);
  return 0;
});
