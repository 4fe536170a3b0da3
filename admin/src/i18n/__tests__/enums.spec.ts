import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { appEn } from '../en';
import { appZh } from '../zh';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../schema/schema.graphql'), 'utf8'));

/**
 * Every enum the console translates (gw.enum.<Enum>) names every value the API may send, in
 * both languages: a status added to the API must not reach a clerk as a raw key.
 */
describe('the enums the console shows, against schema/schema.graphql', () => {
  const translated = Object.keys(appZh.gw.enum) as (keyof typeof appZh.gw.enum)[];
  test.each(translated)('%s: every value has a Chinese and an English label', (name) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    const values = (type as GraphQLEnumType).getValues().map((v) => v.name);
    for (const pack of [appZh.gw.enum[name], appEn.gw.enum[name]] as Record<string, string>[]) {
      expect(values.filter((v) => !(v in pack))).toEqual([]);
    }
  });
});
