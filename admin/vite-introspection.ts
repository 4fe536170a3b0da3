import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { Plugin } from 'vite';

const ID = 'virtual:gridwatch-introspection';

/**
 * Introspection is off in production, so the console never asks the server for its schema:
 * schema/schema.graphql (generated from the API's code and checked by its tests) is turned
 * into an introspection result at build time and bundled as JSON.
 */
export function schemaIntrospection(schemaFile: string): Plugin {
  return {
    name: 'gridwatch-introspection',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      this.addWatchFile(schemaFile);
      const { __schema } = introspectionFromSchema(buildSchema(readFileSync(schemaFile, 'utf8')));
      return `export default ${JSON.stringify(__schema)};`;
    },
  };
}
