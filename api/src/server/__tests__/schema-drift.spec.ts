import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../config';
import { printAppSchema } from '../print-schema';

describe('schema/schema.graphql', () => {
  it('matches the schema generated from the code (run `pnpm schema` and commit)', async () => {
    const committed = readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });
});
