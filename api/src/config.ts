import path from 'node:path';

/** Settings from the environment, read once. */
export interface Config {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent the embedded server is used. */
  databaseUrl: string | null;
  /**
   * DATABASE_POOLER_URL: PgBouncer in transaction mode in front of DATABASE_URL's server. The
   * API's pooled connections (ORM, compiled reads) go through it, as the app role, and use no
   * session-level prepared statement; LISTEN and the rate limiter's named statements keep a
   * direct connection (deploy/README.md).
   */
  databasePoolerUrl: string | null;
  dataDir: string;
  production: boolean;
  logLevel: string;
  adminDir: string;
  bodyLimit: string;
  /** Run the deadline scheduler (催办/督办/通报, automatic escalation) in this process. */
  scheduler: boolean;
  /** Where uploaded evidence is stored (local disk) and the largest accepted file. */
  evidenceDir: string;
  evidenceMaxBytes: number;
  /** GRIDWATCH_CLOCK_START: business time starts at this instant instead of now (browser tests, training). */
  clockStart: Date | null;
  /** COMPILED_READS=off answers every query through the resolvers (the read compiler's differential test, diagnosis). */
  compiledReads: boolean;
  /** CHAIN_SIGNING_KEY: the Ed25519 private key (PKCS#8 PEM) that signs chain checkpoints; else one generated on first start and kept in the database. */
  chainSigningKey: string | null;
  /** PUBLIC_READS_PER_MINUTE: anonymous public-disclosure reads per client address per minute. */
  publicReadsPerMinute: number;
  /** OPEN311_JURISDICTION_ID: the jurisdiction_id the Open311 door answers to; else the city's division code (340100). */
  open311JurisdictionId: string | null;
  /** WEBHOOK_DISABLE_AFTER_DAYS: a webhook endpoint failing this many days without a success is disabled. */
  webhookDisableAfterDays: number;
  /** DATABASE_REPLICA_URL: a streaming replica for reads that may be slightly stale; unset, every read goes to the primary. */
  databaseReplicaUrl: string | null;
  /** DATABASE_REPLICA_MAX_LAG_MS: a replica further behind than this is not read from. */
  replicaMaxLagMs: number;
  /** STATEMENT_TIMEOUT_MS: the longest one statement of a request may run (0: no limit); past it the request answers TIMEOUT. */
  statementTimeoutMs: number;
}

export const repoRoot = path.resolve(__dirname, '..', '..');

function clockStart(value: string | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`GRIDWATCH_CLOCK_START must be an ISO instant (2026-11-28T09:00:00+08:00), got ${value}`);
  return at;
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got ${value}`);
  return n;
}

function nonNegative(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, 0 or more, got ${value}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    databasePoolerUrl: env.DATABASE_POOLER_URL || null,
    dataDir: path.resolve(env.GRIDWATCH_DATA_DIR ?? path.join(repoRoot, '.data', 'pg')),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    adminDir: path.join(repoRoot, 'admin', 'dist'),
    bodyLimit: env.BODY_LIMIT ?? '100kb',
    scheduler: (env.SCHEDULER ?? 'on') !== 'off',
    compiledReads: (env.COMPILED_READS ?? 'on') !== 'off',
    evidenceDir: path.resolve(env.EVIDENCE_DIR ?? path.join(repoRoot, '.data', 'evidence')),
    evidenceMaxBytes: Number(env.EVIDENCE_MAX_BYTES ?? 10 * 1024 * 1024),
    clockStart: clockStart(env.GRIDWATCH_CLOCK_START),
    chainSigningKey: env.CHAIN_SIGNING_KEY ? env.CHAIN_SIGNING_KEY.replaceAll('\\n', '\n') : null,
    publicReadsPerMinute: Number(env.PUBLIC_READS_PER_MINUTE ?? 60),
    open311JurisdictionId: env.OPEN311_JURISDICTION_ID || null,
    webhookDisableAfterDays: positive('WEBHOOK_DISABLE_AFTER_DAYS', env.WEBHOOK_DISABLE_AFTER_DAYS ?? '3'),
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || null,
    replicaMaxLagMs: positive('DATABASE_REPLICA_MAX_LAG_MS', env.DATABASE_REPLICA_MAX_LAG_MS ?? '5000'),
    statementTimeoutMs: nonNegative('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS ?? '60000'),
  };
}
