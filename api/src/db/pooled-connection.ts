import type { QueryResult } from 'pg';

type Callback = (error: Error | null, result?: QueryResult) => void;
interface QueryConfig {
  text: string;
  values?: unknown[];
}
/** The part of a pg client knex talks to: `query(config, callback)`. */
interface Queryable {
  query: (...args: unknown[]) => unknown;
}

const answered = (command: string): QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * Marks a statement whose answer nobody reads (the binding of a caller known in memory): it
 * may wait, right after BEGIN, for the transaction's next statement, and is not sent when none follows.
 */
export const DEFERRED = '/*gw:deferred*/';

/**
 * Installed on every pooled connection (knex's `afterCreate`), for two reasons:
 *
 * - One statement at a time. Parallel resolvers of one request share its transaction's
 *   connection; pg queues what they send, but calling `query()` on a busy client is
 *   deprecated (an error from pg 9). A promise queue sends the next statement only when the
 *   previous one has answered, in the order they were asked.
 * - A transaction that runs nothing costs nothing: knex's `BEGIN;` (and DEFERRED statements
 *   right after it) wait for the next statement and go, each as it was asked (its values
 *   bound, nothing glued into one text), just before it; a COMMIT or ROLLBACK with nothing
 *   before it is not sent either. A signed-in `{ __typename }` touches no database.
 */
export function pooledConnection<C extends Queryable>(client: C): C {
  const send = client.query.bind(client) as (config: QueryConfig, callback: Callback) => void;
  const run = (config: QueryConfig): Promise<QueryResult> =>
    new Promise((resolve, reject) => send(config, (error, result) => (error ? reject(error) : resolve(result as QueryResult))));
  let tail: Promise<unknown> = Promise.resolve();
  /** What waits for the next statement: `BEGIN;`, and maybe deferred statements after it. */
  let held: QueryConfig[] = [];

  const next = async (config: QueryConfig): Promise<QueryResult> => {
    const text = config.text.trim();
    if (text === 'BEGIN;' && !config.values?.length) {
      held = [config];
      return answered('BEGIN');
    }
    if (held.length && text.startsWith(DEFERRED)) {
      held.push(config);
      return answered('SELECT');
    }
    const ahead = held;
    held = [];
    if (ahead.length && (text === 'COMMIT;' || text === 'ROLLBACK')) return answered(text.replace(';', ''));
    for (const statement of ahead) await run(statement);
    return run(config);
  };

  client.query = (...args: unknown[]) => {
    const [config, callback] = args;
    // knex always asks with (config object, callback); anything else (a stream) goes straight
    // through, after what is held (pg's own queue keeps them in order).
    if (typeof config !== 'object' || config === null || typeof callback !== 'function' || args.length !== 2) {
      for (const statement of held) send(statement, () => undefined);
      held = [];
      return send.apply(client, args as never);
    }
    const result = tail.then(() => next(config as QueryConfig));
    tail = result.catch(() => undefined);
    result.then(
      (value) => (callback as Callback)(null, value),
      (error: Error) => (callback as Callback)(error),
    );
    return undefined;
  };
  return client;
}
