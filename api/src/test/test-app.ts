import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Clock, StartedClock } from '../common/clock';
import { loadConfig } from '../config';
import { Client } from 'pg';
import { scopeFilterDef } from '../auth/scope-filter';
import { enableAppRole } from '../db/app-role';
import { seedIfEmpty } from '../db/seed';
import { ormConfig } from '../db/orm.config';
import { startServer, type RunningServer } from '../server/app';
import { createLogger } from '../server/logger';
import { cloneDatabase, TEMPLATE_EMPTY, TEMPLATE_SEEDED } from './databases';
import { TEST_CLOCK_START } from './time';

export const DEMO_PASSWORD = 'gridwatch';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

/** Counts the SQL statements the API sends (MikroORM's query log), to price a request. */
export class SqlCounter {
  count = 0;
  readonly statements: string[] = [];
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}

/** A GraphQL caller with its own cookie jar. */
export class GraphQLClient {
  cookie: string | null = null;

  constructor(private readonly url: string) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers };
  }

  /** Like request, but fails the test on any GraphQL error. */
  async data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  async signIn(login: string, password = DEMO_PASSWORD): Promise<this> {
    await this.data(`mutation($login: String!, $password: String!) { signIn(login: $login, password: $password) { role } }`, {
      login,
      password,
    });
    return this;
  }
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  databaseUrl: string;
  sql: SqlCounter;
  server: RunningServer;
  /** Where this server stores uploaded evidence (a throwaway directory). */
  evidenceDir: string;
  client(): GraphQLClient;
  /** The database owner's ORM (what jobs and CLIs use), outside row-level security. */
  ownerOrm: MikroORM;
  /** SQL as the database owner (fixtures, checks behind the API's back), outside row-level security. */
  ownerSql<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  as(login: string): Promise<GraphQLClient>;
  close(): Promise<void>;
}

/** The real server on a throwaway clone of the seeded (or empty, migrated) database. */
export interface TestAppOptions {
  seeded?: boolean;
  production?: boolean;
  /** Test-only: the CASL scope filter off, to show that row-level security alone still isolates. */
  withoutScopeFilter?: boolean;
  /** Connection pool size (the concurrency tests use 2). */
  poolSize?: number;
  /** Collect the server's log lines (at info level) here. */
  logLines?: string[];
  /** An injected clock (the scheduler and deadline tests run a month in milliseconds); default: TEST_CLOCK_START, running. */
  clock?: Clock;
  /** Seed the demo laid out before this Beijing day (yyyy-mm-dd) instead of cloning the pinned seed. */
  seededFor?: string;
  /** false: every query through the resolvers (the read compiler's differential test). */
  compiledReads?: boolean;
  /** A streaming replica of the app's database server: the app reads from it (DATABASE_REPLICA_URL), with this lag budget. */
  replica?: { url: (database: string) => string; maxLagMs: number };
  /** A migrated, seeded database on a server of the test's own (owner URL), used instead of a clone and left in place. */
  databaseUrl?: string;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await cloneDatabase(options.seeded === false || options.seededFor ? TEMPLATE_EMPTY : TEMPLATE_SEEDED);
  if (options.seededFor) await seedIfEmpty(database.url, options.seededFor);
  const sql = new SqlCounter();
  const orm = await MikroORM.init(
    ormConfig(await enableAppRole(database.url), {
      ...(options.withoutScopeFilter ? { filters: { [scopeFilterDef.name]: { ...scopeFilterDef, default: false } } } : {}),
      ...(options.poolSize ? { pool: { min: 0, max: options.poolSize } } : {}),
      debug: ['query'],
      logger: (message) => {
        sql.count += 1;
        sql.statements.push(message);
      },
    }),
  );
  const evidenceDir = mkdtempSync(path.join(os.tmpdir(), 'gw-evidence-'));
  const replica = options.replica
    ? { DATABASE_REPLICA_URL: options.replica.url(new URL(database.url).pathname.slice(1)), DATABASE_REPLICA_MAX_LAG_MS: String(options.replica.maxLagMs) }
    : {};
  const config = {
    ...loadConfig({ NODE_ENV: options.production ? 'production' : 'test', PORT: '0', EVIDENCE_DIR: evidenceDir, COMPILED_READS: options.compiledReads === false ? 'off' : 'on', ...replica }),
    logLevel: 'silent',
  };
  // GW_TEST_LOG=error shows what the API masked, when a test fails with INTERNAL_SERVER_ERROR.
  const logger = options.logLines
    ? createLogger('info', { write: (line: string) => void options.logLines?.push(line) })
    : createLogger(process.env.GW_TEST_LOG ?? 'silent');
  const server = await startServer(orm, config, logger, options.clock ?? new StartedClock(TEST_CLOCK_START));
  const ownerOrm = await MikroORM.init(ormConfig(database.url));
  const port = (server.httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    orm,
    ownerOrm,
    databaseUrl: database.url,
    sql,
    server,
    evidenceDir,
    client: () => new GraphQLClient(url),
    async ownerSql<T>(sql: string, params: unknown[] = []) {
      const client = new Client(database.url);
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    as: (login) => new GraphQLClient(url).signIn(login),
    async close() {
      await server.close();
      await orm.close(true);
      await ownerOrm.close(true);
      await database.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}
