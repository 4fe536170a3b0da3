import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as enums from '../enums';

/**
 * The rules of this package are written once: neither the api, the seeds nor the console may
 * declare an enum of the same name or list the values of one of its enums as string literals
 * (four or more of them, in an array or a union).
 */
const ROOT = path.resolve(__dirname, '../../..');
const SCANNED = ['api/src', 'seeds/src', 'admin/src'];
// SQL text (*.sql.ts) compares stored values, and migrations are history: both keep their literals.
const SKIPPED = /(__tests__|[\\/]migrations[\\/]|[\\/]i18n[\\/]|\.sql\.ts$)/;

const DOMAIN_ENUMS = Object.entries(enums).flatMap(([name, value]) =>
  typeof value === 'object' && !Array.isArray(value) && !(value instanceof Set) && Object.values(value).every((v) => typeof v === 'string')
    ? [{ name, values: new Set(Object.values(value as Record<string, string>)) }]
    : [],
);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry) ? [file] : [];
  });
}

const LITERAL_LIST = /(['"`])[A-Z][A-Z0-9_]+\1(?:\s*[,|]\s*(['"`])[A-Z][A-Z0-9_]+\2)+/g;

/** What a source restates: `enum X` for a domain enum, or a literal list of one domain enum's values. */
export function restated(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\benum\s+(\w+)/g)) if (DOMAIN_ENUMS.some((e) => e.name === match[1])) found.push(`enum ${match[1]}`);
  for (const match of text.matchAll(LITERAL_LIST)) {
    const values = [...match[0].matchAll(/[A-Z][A-Z0-9_]+/g)].map((m) => m[0]);
    if (values.length < 4) continue;
    const of = DOMAIN_ENUMS.find((e) => values.every((v) => e.values.has(v)));
    if (of) found.push(`${values.length} values of ${of.name}`);
  }
  return found;
}

describe('the domain rules are not restated elsewhere', () => {
  it('finds no enum or value list of the package in the api, the seeds or the console', () => {
    const offenders = SCANNED.flatMap((dir) => sources(path.join(ROOT, dir)))
      .filter((file) => !SKIPPED.test(file))
      .flatMap((file) => restated(readFileSync(file, 'utf8')).map((what) => `${path.relative(ROOT, file)}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('recognises a restatement (the check can fail)', () => {
    expect(restated(`export enum CaseStatus { REPORTED = 'REPORTED' }`)).toEqual(['enum CaseStatus']);
    expect(restated(`const OPEN = ['REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS'];`)).toEqual(['4 values of CaseStatus']);
    expect(restated(`type Role = 'CITY_ADMIN' | 'OFFICER' | 'GRID_WORKER' | 'API_CLIENT';`)).toEqual(['4 values of Role']);
    expect(restated(`const few = ['FED_BACK', 'CLOSED', 'EVALUATED'];`)).toEqual([]);
  });
});
