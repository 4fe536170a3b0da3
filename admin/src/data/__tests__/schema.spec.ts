import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { SchemaIndex } from '../schema';

const sdl = readFileSync(path.resolve(__dirname, '../../../../schema/schema.graphql'), 'utf8');
const index = new SchemaIndex(introspectionFromSchema(buildSchema(sdl)).__schema);

describe('SchemaIndex over schema/schema.graphql', () => {
  test('declares the list arguments with their schema types', () => {
    expect(index.declare('cases', ['first', 'after', 'filter', 'orderBy'])).toBe('$after: String, $filter: CaseFilter, $first: Int, $orderBy: CaseOrder');
    expect(index.hasArg('departments', 'orderBy')).toBe(false);
  });

  test('keeps only the fields the input type declares, and no empty values', () => {
    expect(index.pick('cases', 'filter', { status: ['REPORTED'], q: 'x', origin: '', withinId: undefined, categoryId: 'C1' })).toEqual({
      status: ['REPORTED'],
      categoryId: 'C1',
    });
    expect(index.pick('updateSource', 'input', { name: 'a', gridId: 'G1', id: 'S1' })).toEqual({ name: 'a' });
  });

  test('passes the expected version to a version-checked edit only', () => {
    const args = ['id', 'version', 'input'];
    expect(index.hasArg('updateSource', 'version')).toBe(true);
    expect(index.pass('updateSource', args)).toBe('id: $id, input: $input, version: $version');
    expect(index.hasArg('updateGrid', 'version')).toBe(false);
    expect(index.pass('updateGrid', args)).toBe('id: $id, input: $input');
  });

  test('an operation the API does not have is an error, not a silent no-op', () => {
    expect(() => index.field('allCases')).toThrow('The API has no operation allCases');
  });
});
