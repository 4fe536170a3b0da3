import { enableAppRole } from './app-role';

/** Where the API's connections go: `pooled` for statements, `direct` for what a pooler cannot carry. */
export interface AppConnections {
  pooled: string;
  /** LISTEN (the principal cache) and session-level prepared statements (rate-limiter-flexible's). */
  direct: string;
  /** PgBouncer in transaction mode is in front: no statement may count on a session. */
  transactionPooling: boolean;
}

/**
 * The app role's login, directly, and through `poolerUrl` (PgBouncer in transaction mode) when
 * given: the pooler's host, port and database with the app role's credentials, unless the
 * pooler URL names its own login.
 */
export async function appConnections(ownerUrl: string, poolerUrl: string | null): Promise<AppConnections> {
  const direct = await enableAppRole(ownerUrl);
  if (!poolerUrl) return { pooled: direct, direct, transactionPooling: false };
  const pooled = new URL(poolerUrl);
  if (!pooled.username) {
    const app = new URL(direct);
    pooled.username = app.username;
    pooled.password = app.password;
  }
  return { pooled: pooled.toString(), direct, transactionPooling: true };
}
