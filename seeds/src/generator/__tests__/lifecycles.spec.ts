import { DEFAULT_SEED, PROFILES } from '../profiles';
import { dataset, records } from './helpers';

describe('case life cycles of the demo seed', () => {
  const tables = dataset(PROFILES.hefei, DEFAULT_SEED);
  const cases = records(tables.get('case'));
  const events = records(tables.get('case_event'));
  const assignments = records(tables.get('case_assignment'));
  const byCase = new Map<unknown, typeof events>();
  for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);

  it('runs each case’s steps in time order, each from the state the previous one left, ending in the case’s status', () => {
    for (const c of cases) {
      const steps = byCase.get(c.id)!;
      expect(steps[0].action).toBe('REPORT');
      for (let i = 1; i < steps.length; i++) {
        expect([c.number, steps[i].from_status]).toEqual([c.number, steps[i - 1].to_status]);
        expect(String(steps[i].at) > String(steps[i - 1].at)).toBe(true);
        expect(Number(steps[i].id)).toBeGreaterThan(Number(steps[i - 1].id));
      }
      const last = steps[steps.length - 1];
      expect([c.number, c.status, c.version, c.due_at]).toEqual([c.number, last.to_status, steps.length, last.due_at]);
      expect(String(last.at) < '2026-11-27T16:00:00.000Z').toBe(true);
    }
  });

  it('gives every case still reported a deadline: its filing limit (bounded by the local limit without a platform); old reports are late', () => {
    const reported = cases.filter((c) => c.status === 'REPORTED');
    expect(reported.length).toBeGreaterThan(100);
    for (const c of reported) {
      expect([c.number, c.due_at !== null, String(c.due_at) > String(c.reported_at)]).toEqual([c.number, true, true]);
      // One working day on both paths (the 24 h and same-day limits have no basis).
      if (c.due_basis_days !== null) expect([c.number, c.due_basis_days]).toEqual([c.number, 1]);
    }
    expect(reported.filter((c) => String(c.due_at) < '2026-11-27T16:00:00.000Z').length).toBeGreaterThan(reported.length / 2);
  });

  it('carries closed, late, reworked, extended, parked, returned and cancelled cases for the KPI tables', () => {
    const actions = new Set(events.map((e) => e.action));
    for (const action of ['FILE', 'CANCEL', 'DISPATCH', 'ACCEPT', 'FEEDBACK', 'VERIFY_PASS', 'VERIFY_FAIL', 'APPROVE_EXTENSION', 'PARK', 'EVALUATE']) {
      expect([action, actions.has(action)]).toEqual([action, true]);
    }
    const closedLate = cases.filter((c) => c.closed_at !== null).filter((c) => {
      const due = byCase.get(c.id)!.filter((e) => ['DISPATCH', 'APPROVE_EXTENSION', 'VERIFY_FAIL'].includes(String(e.action))).at(-1)!.due_at;
      return String(c.closed_at) > String(due);
    });
    expect(closedLate.length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.closed_at !== null).length).toBeGreaterThan(closedLate.length * 2);
  });

  it('dispatches to a department of the handling unit, one active lead per dispatched case', () => {
    const departments = new Map(records(tables.get('department')).map((d) => [d.id, d]));
    for (const c of cases.filter((k) => k.lead_department_id !== null)) {
      const active = assignments.filter((a) => a.case_id === c.id && a.active);
      expect(active.map((a) => a.department_id)).toEqual([c.lead_department_id]);
      expect(departments.get(c.lead_department_id)?.unit_id).toBe(c.handling_unit_id);
    }
  });
});
