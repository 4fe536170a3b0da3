import type { TestApp } from '../../../test/test-app';

/**
 * Hand-built case histories for one grid in June 2025 (before any seeded case), written as
 * the database owner: the case rows and their events step by step, as the workflow would
 * (the hash-chain trigger chains them). Cases are numbered `<prefix>00001` … in this order:
 */
export interface FixturePlan {
  prefix: string;
  gridCode: string;
  /** Closed on time; the first `rework` of them failed verification once, the next `extended` got an extension. */
  onTime: number;
  rework: number;
  extended: number;
  /** Closed after the handling deadline, verified late. */
  late: number;
  parked: number;
  inProgress: number;
  /** Reported and cancelled (注销): not valid, never due. */
  cancelled: number;
  /** The accounts that report the cases and verify them on site (none: nobody's own figure). */
  reporter?: number;
  verifier?: number;
}

// Beijing times of June 2025; the handling deadline is the end of 20 June.
const T = (day: string) => `timestamptz '2025-06-${day}+08'`;
const HANDLE_DUE = T('21 00:00');

export async function insertFixture(app: TestApp, plan: FixturePlan): Promise<void> {
  const b = {
    rework: plan.rework,
    extended: plan.rework + plan.extended,
    onTime: plan.onTime,
    late: plan.onTime + plan.late,
    parked: plan.onTime + plan.late + plan.parked,
    due: plan.onTime + plan.late + plan.parked + plan.inProgress,
  };
  const total = b.due + plan.cancelled;
  await app.ownerSql(
    `insert into "case" (city_id, county_id, township_id, number, origin, category_id, field, urgency, description, grid_id, status, reported_at, handling_unit_id, via_platform, reported_by_id)
     select g.city_id, g.county_id, g.township_id, $1 || lpad(i::text, 5, '0'), 'PATROL', cat.id, cat.default_field, 'NORMAL', 'KPI fixture', g.id,
       (case when i <= $3 then 'CLOSED' when i <= $4 then 'PARKED' when i <= $5 then 'IN_PROGRESS' else 'CANCELLED' end)::case_status,
       ${T('02 00:00')} + i * interval '1 minute', g.township_id, false, $7::int
     from generate_series(1, $6::int) i, grid g, (select id, default_field from case_category order by id limit 1) cat
     where g.code = $2`,
    [plan.prefix, plan.gridCode, b.late, b.parked, b.due, total, plan.reporter ?? null],
  );
  const actors: Record<string, number | undefined> = { REPORT: plan.reporter, VERIFY_PASS: plan.verifier, VERIFY_FAIL: plan.verifier };
  const step = (range: string, action: string, from: string | null, to: string, at: string, due: string | null) =>
    app.ownerSql(
      `insert into case_event (city_id, county_id, township_id, case_id, grid_id, action, from_status, to_status, at, due_at, actor_id)
       select c.city_id, c.county_id, c.township_id, c.id, c.grid_id, '${action}', ${from ? `'${from}'` : 'null'}, '${to}', ${at}, ${due ?? 'null'}, $2::int
       from "case" c, lateral (select substring(c.number from length($1) + 1)::int as i) n
       where c.number like $1 || '%' and ${range} order by c.id`,
      [plan.prefix, actors[action] ?? null],
    );
  await step('true', 'REPORT', null, 'REPORTED', 'c.reported_at', null);
  await step(`n.i > ${b.due}`, 'CANCEL', 'REPORTED', 'CANCELLED', `c.reported_at + interval '1 hour'`, null);
  await step(`n.i <= ${b.due}`, 'FILE', 'REPORTED', 'FILED', `c.reported_at + interval '30 minutes'`, null);
  await step(`n.i <= ${b.due}`, 'DISPATCH', 'FILED', 'DISPATCHED', `c.reported_at + interval '1 hour'`, HANDLE_DUE);
  await step(`n.i <= ${b.due}`, 'ACCEPT', 'DISPATCHED', 'IN_PROGRESS', `c.reported_at + interval '2 hours'`, HANDLE_DUE);
  await step(`n.i > ${b.rework} and n.i <= ${b.extended}`, 'REQUEST_EXTENSION', 'IN_PROGRESS', 'EXTENSION_REQUESTED', `c.reported_at + interval '1 day'`, HANDLE_DUE);
  await step(`n.i > ${b.rework} and n.i <= ${b.extended}`, 'APPROVE_EXTENSION', 'EXTENSION_REQUESTED', 'IN_PROGRESS', `c.reported_at + interval '25 hours'`, T('25 00:00'));
  await step(`n.i > ${b.late} and n.i <= ${b.parked}`, 'PARK', 'IN_PROGRESS', 'PARKED', `c.reported_at + interval '1 day'`, null);
  // Rework: fed back, failed on site, handled again within the same limit.
  await step(`n.i <= ${b.rework}`, 'FEEDBACK', 'IN_PROGRESS', 'FED_BACK', T('05 10:00'), T('08 00:00'));
  await step(`n.i <= ${b.rework}`, 'VERIFY_FAIL', 'FED_BACK', 'IN_PROGRESS', T('06 10:00'), HANDLE_DUE);
  await step(`n.i <= ${b.onTime}`, 'FEEDBACK', 'IN_PROGRESS', 'FED_BACK', T('08 10:00'), T('11 00:00'));
  await step(`n.i <= ${b.onTime}`, 'VERIFY_PASS', 'FED_BACK', 'CLOSED', T('09 10:00'), null);
  await step(`n.i > ${b.onTime} and n.i <= ${b.late}`, 'FEEDBACK', 'IN_PROGRESS', 'FED_BACK', T('22 10:00'), T('25 00:00'));
  await step(`n.i > ${b.onTime} and n.i <= ${b.late}`, 'VERIFY_PASS', 'FED_BACK', 'CLOSED', T('25 12:00'), null);
}
