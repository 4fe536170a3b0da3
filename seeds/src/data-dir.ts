import path from 'node:path';

/** seeds/data: this file sits one level below the package root both as src/*.ts and dist/*.js. */
export const DATA_DIR = path.resolve(__dirname, '..', 'data');

export function dataFile(name: string): string {
  return path.join(DATA_DIR, name);
}
