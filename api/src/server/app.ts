import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import bytes from 'bytes';
import http from 'node:http';
import path from 'node:path';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { Pool } from 'pg';
import { defaultLimits, Limits } from '../auth/limits';
import { PrincipalCache, principalCaches } from '../auth/principal-cache';
import { listenForPrincipalChanges } from '../auth/principal-listener';
import type { Config } from '../config';
import { survivePoolIdleErrors } from '../db/idle-errors';
import type { AppConnections } from '../db/pooler';
import { type Clock, systemClock } from '../common/clock';
import { calendarWarnings } from '../modules/deadline/calendar-warnings';
import { createRequestContext, type RequestHead } from '../context/create-context';
import type { RequestContext } from '../context/request-context';
import { evidenceRouter } from '../modules/evidence/evidence.routes';
import { patrolPhotoRouter } from '../modules/patrol/patrol-photo.routes';
import { exportRouter } from '../modules/export/export.routes';
import { reportRouter } from '../modules/report/report.routes';
import { supervisionRouter } from '../modules/supervision/supervision.routes';
import { LocalDiskStorage } from '../modules/evidence/evidence-storage';
import { gridImportRouter } from '../modules/grid/grid-import.routes';
import { sourceImportRouter } from '../modules/source/source-import.routes';
import { inspectionPhotoRouter } from '../modules/inspection/inspection-photo.routes';
import { open311Router } from '../modules/open311/open311.routes';
import { createApollo, queryLimits } from './apollo';
import { compiledReads } from '../data/compiled-reads';
import { fastReads } from './fast-reads';
import { readCatalogs } from './read-catalogs';
import { buildAppSchema } from './schema';
import { installAppPolicies } from './policies';
import { bodyError, requestIdOf } from './request-head';
import { ReadRouter } from './read-router';

export interface RunningServer {
  httpServer: http.Server;
  /** Where queries read from, when DATABASE_REPLICA_URL names a replica. */
  readRouter: ReadRouter | null;
  url: string;
  close(): Promise<void>;
}

/** Malformed or oversized bodies get a GraphQL-shaped error, never an HTML page or stack; failures are logged. */
function bodyErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? 500;
    const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500) logger.error({ err: error, requestId: res.locals.requestId, path: req.path }, 'request failed');
    res.status(status).json(bodyError(code, status >= 500 ? String(res.locals.requestId) : undefined));
  };
}

/** Every request gets a correlation id (the caller's, when well-formed): logs and errors carry it. */
const requestIds: express.RequestHandler = (req, res, next) => {
  res.locals.requestId = requestIdOf(req.headers);
  res.setHeader('x-request-id', res.locals.requestId);
  next();
};

/** The HTTP server: GraphQL at /graphql, health probes, and the console at /. */
export async function startServer(
  orm: MikroORM,
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
  connections: Pick<AppConnections, 'direct' | 'transactionPooling'> = { direct: orm.config.get('clientUrl') as string, transactionPooling: false },
): Promise<RunningServer> {
  installAppPolicies();
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTs, never revalidated: no hash of every body (static files keep theirs).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(requestIds);
  // Compiled reads of callers known in memory go straight to PostgreSQL, one round trip each (data/read-connection.ts).
  const readPool = new Pool({ connectionString: orm.config.get('clientUrl'), max: orm.config.get('pool')?.max ?? 10 });
  // Queries that may be slightly stale read from the replica, when there is one (server/read-router.ts).
  const idleError = (error: Error) => logger.warn({ err: error }, 'a pooled connection was lost while idle');
  const readRouter = config.databaseReplicaUrl
    ? await ReadRouter.open({ primaryUrl: orm.config.get('clientUrl') as string, replicaUrl: config.databaseReplicaUrl, maxLagMs: config.replicaMaxLagMs, poolMax: orm.config.get('pool')?.max ?? 10, onIdleError: idleError })
    : null;
  // Behind PgBouncer in transaction mode no statement stays prepared on a connection (read-connection.ts).
  const reads = config.compiledReads ? compiledReads(readCatalogs, logger, readPool, { router: readRouter, prepared: !connections.transactionPooling }) : null;
  const schema = await buildAppSchema();
  // rate-limiter-flexible keeps its counters in Postgres so that replicas share them; its named
  // statements are session-level, so it connects directly, never through a transaction pooler.
  const limiterPool = new Pool({ connectionString: connections.direct, max: 2 });
  survivePoolIdleErrors([readPool, limiterPool], idleError);
  const limits = new Limits(limiterPool, { ...defaultLimits, publicReadsPerMinute: config.publicReadsPerMinute });
  const bodyLimit = bytes.parse(config.bodyLimit) ?? 100 * 1024;
  const contextOf = (head: RequestHead, http?: RequestContext['http']) => createRequestContext(orm, limits, head, http, clock);
  // Request lines are logged at info; below it there is no request logger at all (unexpected errors are logged by Apollo's plugin).
  const requestLog = logger.isLevelEnabled('info') ? pinoHttp({ logger, genReqId: (_req, res) => String(res.getHeader('x-request-id')) }) : null;
  const httpServer = http.createServer(
    reads ? fastReads({ reads, schema, maxCost: queryLimits.maxCost, bodyLimit, contextOf, requestLog, logger }, app) : app,
  );
  const apollo = createApollo(schema, httpServer, logger, config, reads?.plugin ?? null, readRouter);
  // Signed-in requests skip the session lookup while this process hears every revocation.
  const principals = new PrincipalCache();
  const principalListener = await listenForPrincipalChanges(connections.direct, principals, logger);
  principalCaches.set(orm, principals);
  await apollo.start();

  let ready = true;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    // A year without its holiday schedule is a warning, never a failure: deadlines still run.
    const warnings = await calendarWarnings(orm.em.fork(), clock.now()).then((found) => found.map((w) => w.message), () => null);
    const database = warnings !== null;
    res.status(ready && database ? 200 : 503).json({ status: ready && database ? 'ready' : 'unavailable', database, warnings: warnings ?? [] });
  });
  // GraphQL first: the busiest route passes no other router.
  app.use(
    '/graphql',
    ...(requestLog ? [requestLog] : []),
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req, res }) => contextOf({ headers: req.headers, requestId: String(res.locals.requestId) }, { req, res }) }),
  );
  const evidenceStorage = new LocalDiskStorage(config.evidenceDir);
  app.use(evidenceRouter(orm, limits, evidenceStorage, clock, config.evidenceMaxBytes));
  app.use(patrolPhotoRouter(orm, limits, evidenceStorage, clock, config.evidenceMaxBytes));
  app.use(inspectionPhotoRouter(orm, limits, evidenceStorage, clock, config.evidenceMaxBytes));
  app.use(exportRouter(orm, limits, clock, schema, readRouter ? (ctx) => void readRouter.route(ctx) : undefined));
  app.use(reportRouter(orm, limits, clock));
  app.use(supervisionRouter(orm, limits, clock));
  app.use(sourceImportRouter(orm, limits, clock));
  app.use(gridImportRouter(orm, limits, clock));
  app.use(open311Router(orm, limits, clock, logger, { jurisdictionId: config.open311JurisdictionId, bodyLimit }));
  app.use(bodyErrors(logger));
  const index = path.join(config.adminDir, 'index.html');
  if (existsSync(index)) {
    // The console's files go out compressed: the Brotli or gzip file the build wrote beside each
    // asset (admin/vite.config.ts), else compressed per request. Hashed files never change, so
    // they are cached for a year; the service worker and index.html are always revalidated, so
    // a new version is found at once.
    app.use(
      compression(),
      expressStaticGzip(config.adminDir, {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        index: 'index.html',
        serveStatic: {
          setHeaders: (res, file) => {
            if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
            else res.setHeader('Cache-Control', 'no-cache');
          },
        },
      }),
    );
    app.get(/^\/(?!graphql|healthz|readyz|evidence|cases|patrol-check-ins|inspections|inspection-photos|export|import|open311).*/, (_req, res) => res.sendFile(index));
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    httpServer,
    readRouter,
    url: `http://${config.host}:${port}`,
    async close() {
      ready = false;
      await apollo.stop();
      await limiterPool.end();
      await readPool.end();
      await readRouter?.close();
      principalCaches.delete(orm);
      await principalListener.close();
    },
  };
}
