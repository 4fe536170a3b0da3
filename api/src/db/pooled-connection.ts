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

const deferred = (command: string): QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * Marks a parameterless statement that may wait for the transaction's next one (the binding
 * of a caller known in memory): it is sent in front of it, or not at all when none follows.
 */
export const DEFERRED = '/*gw:deferred*/';

/**
 * Installed on every pooled connection (knex's `afterCreate`), for two reasons:
 *
 * - One statement at a time. Parallel resolvers of one request share its transaction's
 *   connection; pg queues what they send, but calling `query()` on a busy client is
 *   deprecated (an error from pg 9). A promise queue sends the next statement only when the
 *   previous one has answered, in the order they were asked.
 * - BEGIN travels with the transaction's first statement. knex sends `BEGIN;` as a round trip
 *   of its own; on this VM every round trip costs the API process about a millisecond of
 *   CPU and scheduling (issue 7). `BEGIN;` is held back and sent in front of the next
 *   statement when that one has no parameters (the session lookup, whose only value is a
 *   hex digest, is written that way), as one simple-protocol message. A transaction that
 *   runs nothing sends neither BEGIN nor its COMMIT/ROLLBACK. A statement marked DEFERRED
 *   right after BEGIN is held with it the same way.
 */
export function pooledConnection<C extends Queryable>(client: C): C {
  const send = client.query.bind(client) as (config: QueryConfig, callback: Callback) => void;
  const run = (config: QueryConfig): Promise<QueryResult> =>
    new Promise((resolve, reject) => send(config, (error, result) => (error ? reject(error) : resolve(last(result)))));
  let tail: Promise<unknown> = Promise.resolve();
  /** What waits for the next statement: `BEGIN;`, and maybe deferred statements after it. */
  let held: string | null = null;

  const next = async (config: QueryConfig): Promise<QueryResult> => {
    const text = config.text.trim();
    const parameters = config.values?.length ?? 0;
    if (text === 'BEGIN;' && parameters === 0) {
      held = 'BEGIN;';
      return deferred('BEGIN');
    }
    if (held !== null && parameters === 0 && text.startsWith(DEFERRED)) {
      held = `${held} ${text};`;
      return deferred('SELECT');
    }
    if (held === null) return run(config);
    const prefix = held;
    held = null;
    if (text === 'COMMIT;' || text === 'ROLLBACK') return deferred(text.replace(';', ''));
    if (parameters === 0) return run({ ...config, text: `${prefix} ${config.text}` });
    await run({ text: prefix });
    return run(config);
  };

  client.query = (...args: unknown[]) => {
    const [config, callback] = args;
    // knex always asks with (config object, callback); anything else (a stream) goes straight
    // through, after the held BEGIN (pg's own queue keeps the two in order).
    if (typeof config !== 'object' || config === null || typeof callback !== 'function' || args.length !== 2) {
      if (held !== null) send({ text: held }, () => undefined);
      held = null;
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

/** A multi-statement message answers with one result per statement: the caller asked for the last. */
function last(result: QueryResult | QueryResult[] | undefined): QueryResult {
  const results = Array.isArray(result) ? result : [result];
  return results[results.length - 1] as QueryResult;
}
