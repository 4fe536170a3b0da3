import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config';
import { printAppSchema } from '../server/print-schema';

/** Regenerates schema/schema.graphql from the code (commit the result). */
async function main(): Promise<void> {
  const file = path.join(repoRoot, 'schema', 'schema.graphql');
  writeFileSync(file, await printAppSchema());
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

void main();
