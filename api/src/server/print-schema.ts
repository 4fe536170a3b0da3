import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './schema';

const HEADER = `# Generated from the code by \`pnpm schema\` (api/src/cli/print-schema.ts). Do not edit.
# A test fails when this file is stale: regenerate and commit it with the change.

`;

/** The schema as reviewed in schema/schema.graphql: sorted so diffs show real changes only. */
export async function printAppSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
