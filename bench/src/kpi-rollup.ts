import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { isProfileName } from '@gridwatch/seeds';
import { ormConfig } from '../../api/src/db/orm.config';
import { GridLevel } from '../../api/src/common/enums';
import { AssessmentSubjectType as S } from '../../api/src/modules/assessment/assessment.enums';
import { MEASURES, measureSubjects, type MeasureScope, type MeasureSource, type SubjectMeasures } from '../../api/src/modules/assessment/assessment-measures.sql';
import { periodRange } from '../../api/src/modules/assessment/assessment-period';
import { prepareDatabase } from './database';
import { dataDirOf } from './options';

/**
 * The KPI engine's measures statement for unit subjects, live over the case timeline (the old
 * read) and from the KPI rollup (issue 19), on a loaded profile: the median of a few runs each,
 * after one warm-up, and whether every case measure agrees.
 *
 *   node -r @swc-node/register src/kpi-rollup.ts [--profile hefei|city] [--runs 5] [--timeout 60 (s, per statement)]
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const profile = option('profile') ?? 'hefei';
const runs = Number(option('runs') ?? 5);
const CODES = Object.keys(MEASURES) as (keyof typeof MEASURES)[];
const TRUE = { sql: 'true', bindings: [] };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!isProfileName(profile)) throw new Error(`unknown profile ${profile}`);
  const db = await prepareDatabase(profile, dataDirOf(profile, true), true, () => undefined);
  // The live statement can run for many minutes at city scope: cut off, and shown as such.
  const timeoutMs = Number(option('timeout') ?? 60) * 1000;
  const orm = await MikroORM.init(ormConfig(db.ownerUrl));
  try {
    const unit = async (code: string) => {
      const [row] = await orm.em.fork().execute<{ id: number; level: GridLevel; name: string }[]>(`select id, level, name from grid where code = ?`, [code]);
      return row;
    };
    const city = await unit('340100000000');
    const county = await unit('340122000000');
    const [cases] = await orm.em.fork().execute<{ cases: number; events: number }[]>(`select (select count(*) from "case")::int as cases, (select count(*) from case_event)::int as events`);
    console.log(`profile ${profile}: ${cases.cases} cases, ${cases.events} events; ${runs} runs each after a warm-up, as the owner (no row-level security)`);
    console.log('| unit | subjects | period | rows | live ms (median) | rollup ms (median) | live ÷ rollup | case measures equal |');
    console.log('|---|---|---|---:|---:|---:|---:|---|');
    for (const [u, subjectType, period] of [
      [county, S.TOWNSHIP, '2026-10'],
      [county, S.TOWNSHIP, '2026-Q4'],
      [county, S.GRID, '2026-10'],
      [city, S.COUNTY, '2026-10'],
      [city, S.COUNTY, '2026'],
      [city, S.STREET, '2026-10'],
    ] as const) {
      const scope: MeasureScope = { ...periodRange(period), unitId: u.id, unitLevel: u.level, subjectType };
      const time = async (source: MeasureSource) => {
        const ms: number[] = [];
        let result: SubjectMeasures[] = [];
        // A warm-up, then the runs; a statement cut off by the timeout ends the series.
        for (let i = 0; i <= runs; i++) {
          const started = performance.now();
          try {
            result = await orm.em.fork().transactional(async (tx) => {
              await tx.execute(`set local statement_timeout = ${timeoutMs}`);
              return measureSubjects(tx, scope, TRUE, source);
            });
          } catch (error) {
            if (!/statement timeout/.test(String(error))) throw error;
            return null;
          }
          if (i > 0) ms.push(performance.now() - started);
        }
        return { result, ms: median(ms) };
      };
      const rollup = (await time('rollup'))!;
      const live = await time('live');
      const figures = (rows: SubjectMeasures[]) => JSON.stringify(rows.map((r) => [r.id, CODES.map((c) => r.measures[c])]));
      const equal = live ? (figures(live.result) === figures(rollup.result) ? 'yes' : 'NO') : '(not measured)';
      const liveMs = live ? live.ms.toFixed(1) : `> ${timeoutMs} (cut off)`;
      const ratio = live ? `${(live.ms / rollup.ms).toFixed(1)}×` : `> ${(timeoutMs / rollup.ms).toFixed(0)}×`;
      console.log(`| ${u.name} | ${subjectType} | ${period} | ${rollup.result.length} | ${liveMs} | ${rollup.ms.toFixed(1)} | ${ratio} | ${equal} |`);
      if (equal === 'NO') process.exitCode = 1;
    }
    await writePrice(db.ownerUrl, county.id);
  } finally {
    await orm.close(true);
    await db.server.stop();
  }
}

/**
 * What the trigger adds to a write: events inserted one statement each (a dispatch with a
 * deadline next month, on the county's cases), with the KPI trigger and without, in a
 * transaction rolled back each time; the chain and outbox triggers run in both.
 */
async function writePrice(url: string, countyId: number): Promise<void> {
  const client = new Client(url);
  await client.connect();
  const n = 300;
  const perEvent = async (withTrigger: boolean): Promise<number> => {
    await client.query('begin');
    try {
      if (!withTrigger) await client.query('alter table case_event disable trigger case_kpi_change');
      const { rows } = await client.query<{ id: number }>(`select id from "case" where county_id = $1 order by id limit $2`, [countyId, n]);
      const started = performance.now();
      for (const { id } of rows) {
        await client.query(
          `insert into case_event (city_id, county_id, township_id, grid_id, case_id, action, from_status, to_status, at, due_at)
           select city_id, county_id, township_id, grid_id, id, 'DISPATCH', status, 'DISPATCHED', $2, $3 from "case" where id = $1`,
          [id, new Date('2026-10-20T02:00:00Z'), new Date('2026-11-05T16:00:00Z')],
        );
      }
      return (performance.now() - started) / rows.length;
    } finally {
      await client.query('rollback');
    }
  };
  try {
    await perEvent(true);
    const [on, off] = [await perEvent(true), await perEvent(false)];
    console.log(`\nwrite price: ${n} events one statement each: ${on.toFixed(2)} ms per event with the KPI trigger, ${off.toFixed(2)} ms without`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
