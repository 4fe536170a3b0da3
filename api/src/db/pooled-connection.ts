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

/**
 * Installed on every pooled connection (knex's `afterCreate`): one statement at a time.
 * Parallel resolvers of one request share its transaction's connection; pg queues what they
 * send, but calling `query()` on a busy client is deprecated (an error from pg 9). A promise
 * queue sends the next statement only when the previous one has answered, in the order they
 * were asked. Statements go as they are: BEGIN is a round trip of its own and every value is a
 * bound parameter (no statement is rewritten or glued to another).
 */
export function pooledConnection<C extends Queryable>(client: C): C {
  const send = client.query.bind(client) as (config: QueryConfig, callback: Callback) => void;
  const run = (config: QueryConfig): Promise<QueryResult> =>
    new Promise((resolve, reject) => send(config, (error, result) => (error ? reject(error) : resolve(result as QueryResult))));
  let tail: Promise<unknown> = Promise.resolve();

  client.query = (...args: unknown[]) => {
    const [config, callback] = args;
    // knex always asks with (config object, callback); anything else (a stream) goes straight through.
    if (typeof config !== 'object' || config === null || typeof callback !== 'function' || args.length !== 2) return send.apply(client, args as never);
    const result = tail.then(() => run(config as QueryConfig));
    tail = result.catch(() => undefined);
    result.then(
      (value) => (callback as Callback)(null, value),
      (error: Error) => (callback as Callback)(error),
    );
    return undefined;
  };
  return client;
}
