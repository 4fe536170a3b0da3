import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, introspectionFromSchema, print } from 'graphql';
import type { IntrospectionResult } from 'ra-data-graphql';
import { auditSpec } from '../../resources/audits/queries';
import { spotCheckSpec } from '../../resources/spotChecks/queries';
import { patrolPlanSpec } from '../../resources/patrolPlans/queries';
import { endOfShanghaiDay, taskSpec } from '../../resources/tasks/queries';
import { buildQueryFactory, listQuery } from '../buildQuery';
import { SchemaIndex } from '../schema';

// The case spec asks the signed-in rules which sensitive fields to select; none here.
jest.mock('../../auth/authProvider', () => ({ can: () => false }));

const sdl = readFileSync(path.resolve(__dirname, '../../../../schema/schema.graphql'), 'utf8');
const schema = introspectionFromSchema(buildSchema(sdl)).__schema;
const index = new SchemaIndex(schema);
const build = buildQueryFactory({ schema } as unknown as IntrospectionResult);

describe('queries of the work screens', () => {
  test('an argument beside `filter` (spotCheckCampaigns(status:)) is passed from the react-admin filter by name', () => {
    const { query, variables } = listQuery(index, spotCheckSpec, { filter: { status: 'DRAWN' } }, 'id');
    expect(print(query)).toContain('spotCheckCampaigns(after: $after, first: $first, status: $status)');
    expect(variables).toEqual({ status: 'DRAWN' });
    // Audits: by `status` (an argument now, or a field of its filter once the API has one).
    const audits = listQuery(index, auditSpec, { filter: { status: 'CLOSED' } }, 'id').variables;
    expect(audits.status ?? (audits.filter as { status?: string } | undefined)?.status).toBe('CLOSED');
  });

  test('a plain list takes its arguments too, without paging', () => {
    const built = build('GET_LIST', 'assessmentIndicators', { filter: { history: true }, pagination: { page: 1, perPage: 100 } });
    expect(print(built.query)).toContain('assessmentIndicators(history: $history)');
    expect(built.variables).toEqual({ history: true });
  });

  test('patrol plans always ask for a month (the API requires it); unticked boxes are no condition', () => {
    const { variables } = listQuery(index, patrolPlanSpec, { filter: { behind: false } }, 'id');
    expect(variables.filter).toEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/) });
    expect(listQuery(index, patrolPlanSpec, { filter: { month: '2026-10', behind: true } }, 'id').variables.filter).toEqual({ month: '2026-10', behind: true });
    expect(listQuery(index, taskSpec, { filter: { overdue: false, topLevel: true } }, 'id').variables.filter).toEqual({ topLevel: true });
  });

  test('a sensitive period is updated with its whole input and the version it was read at', () => {
    const previousData = { id: 'P1', version: 3, active: true, name: 'a', startsOn: '2026-12-01', endsOn: '2026-12-31', gridIds: ['G1'], inspectionFactor: 2, patrolFactor: 2, levels: [], industries: [] };
    const built = build('UPDATE', 'sensitivePeriods', { id: 'P1', data: { ...previousData, patrolFactor: 3 }, previousData });
    expect(print(built.query)).toContain('mutation Update($active: Boolean!, $id: ID!, $input: SensitivePeriodInput!, $version: Int!)');
    expect(built.variables).toEqual({
      id: 'P1',
      version: 3,
      active: true,
      input: { name: 'a', startsOn: '2026-12-01', endsOn: '2026-12-31', gridIds: ['G1'], inspectionFactor: 2, patrolFactor: 3, levels: [], industries: [] },
    });
  });

  test('other updates still send only what changed', () => {
    const previousData = { id: 'S1', name: 'a', industry: 'x' };
    const built = build('UPDATE', 'sources', { id: 'S1', data: { ...previousData, name: 'b' }, previousData });
    expect((built.variables as { input: unknown }).input).toEqual({ name: 'b' });
  });

  test('days of the forms become instants in Asia/Shanghai', () => {
    expect(endOfShanghaiDay('2026-12-31')).toBe('2026-12-31T15:59:59.000Z');
    expect(taskSpec.toInput?.({ title: 't', dueAt: '2026-12-31' })).toEqual({ title: 't', dueAt: '2026-12-31T15:59:59.000Z' });
    const audit = auditSpec.toInput?.({ periodFrom: '2026-01-01', periodTo: '2026-11-28', title: 't' });
    expect(audit).toEqual({ title: 't', periodFrom: '2025-12-31T16:00:00.000Z', periodTo: '2026-11-28T16:00:00.000Z' });
  });
});
