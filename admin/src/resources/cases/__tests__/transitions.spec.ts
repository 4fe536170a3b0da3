import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLEnumType, GraphQLInputObjectType, GraphQLNonNull } from 'graphql';
import { assignmentTransitions, caseTransitions } from '../transitions';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../../schema/schema.graphql'), 'utf8'));

/** Form fields → the input fields they fill (the photo goes over HTTP, not in the input). */
const INPUT_FIELDS: Record<string, string[]> = {
  reason: ['reason'],
  cancelReason: ['cancelReason'],
  departments: ['departmentIds', 'leadDepartmentId'],
  result: ['result'],
  reviewAt: ['reviewAt'],
  extensionDays: ['extensionDays'],
  score: ['score'],
  afterPhoto: [],
  feedbackPhotos: [],
  text: ['text'],
  method: ['method'],
  satisfaction: ['satisfaction'],
};

describe('caseTransitions against schema/schema.graphql', () => {
  test('every CaseAction but REPORT and the system’s RECOMPUTE_DEADLINE has a button (the case’s, or a partner’s on its assignment)', () => {
    const actions = (schema.getType('CaseAction') as GraphQLEnumType).getValues().map((v) => v.name);
    expect([...caseTransitions, ...assignmentTransitions].map((t) => t.action).sort()).toEqual(actions.filter((a) => a !== 'REPORT' && a !== 'RECOMPUTE_DEADLINE').sort());
  });

  test.each([...caseTransitions, ...assignmentTransitions].map((t) => [t.action, t] as const))('%s: its mutation takes its input type, and the form fills every required field', (_action, t) => {
    const mutation = schema.getMutationType()?.getFields()[t.mutation];
    expect(mutation).toBeDefined();
    const arg = mutation!.args.find((a) => a.name === 'input');
    expect(String(arg?.type)).toBe(`${t.inputType}!`);
    const input = schema.getType(t.inputType) as GraphQLInputObjectType;
    const filled = new Set(['id', 'version', ...(t.note === false ? [] : ['note']), ...t.fields.flatMap((f) => INPUT_FIELDS[f])]);
    const required = Object.values(input.getFields()).filter((f) => f.type instanceof GraphQLNonNull).map((f) => f.name);
    for (const name of required) expect(filled).toContain(name);
    for (const name of filled) expect(Object.keys(input.getFields())).toContain(name);
  });
});
