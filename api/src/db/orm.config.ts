import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { scopeFilterDef } from '../auth/scope-filter';
import { entities } from './entities';
import { pooledConnection } from './pooled-connection';

/**
 * One configuration for the server, the CLIs and the tests. The schema is only ever
 * changed by committed migrations (never `schema:update` at runtime).
 */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    migrations: {
      path: path.join(__dirname, 'migrations'),
      // Compiled builds run the .js files; swc/jest run the .ts sources.
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    // Tables that are not entities (rate-limiter-flexible's counters) stay out of schema diffs.
    schemaGenerator: { skipTables: ['rate_limit'] },
    // One statement at a time per connection, BEGIN sent with the first statement (pooled-connection.ts).
    pool: { min: 0, max: 10, afterCreate: (connection: Parameters<typeof pooledConnection>[0], done: (error: Error | null, connection: unknown) => void) => done(null, pooledConnection(connection)) },
    forceUtcTimezone: true,
    // Writes happen at explicit flushes only, never as a side effect of a query in between.
    flushMode: 'commit',
    filters: { [scopeFilterDef.name]: scopeFilterDef },
    // Relations are loaded by our own batched loaders, each bounded by the scope filter;
    // joining every reference just to re-check it would cost four joins per grid row.
    filtersOnRelations: false,
    autoJoinRefsForFilters: false,
    ...overrides,
  });
}
