import { escapeLiteral, type Pool, type PoolClient } from 'pg';
import { createHash } from 'node:crypto';
import type { UnitBinding } from '../context/create-context';
import type { Statement } from './read-compiler';

/** Statements each pooled connection has prepared (a connection lives as long as its client object). */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/**
 * Compiled reads in one round trip: `EXECUTE gw_bind(<the caller's unit>); EXECUTE …` as one
 * message, which PostgreSQL runs as one implicit transaction (no BEGIN or COMMIT to parse and
 * run), with no ORM or query builder in between (MikroORM keeps the writes and the unit of
 * work). Each SQL text is a prepared statement, prepared by name on a connection the first time
 * it runs there (in the same message); its values are the EXECUTE's arguments, quoted
 * literals that PostgreSQL converts to the parameters' types. The binding sets the level role
 * and unit transaction-locally, so nothing of one caller stays on the connection.
 *
 * `keep` off (PgBouncer in transaction mode, DATABASE_POOLER_URL): each message is its own
 * transaction, so the server connection under it changes from one message to the next and
 * nothing prepared can be counted on. The message then prepares everything it executes, after
 * `DEALLOCATE ALL` drops what an earlier message (maybe a failed one, of another client) left
 * on that server connection: the same single trip, planned each time.
 */
export async function readInOneTrip(pool: Pool, binding: UnitBinding, statements: Statement[], keep = true): Promise<unknown[]> {
  const client = await pool.connect();
  let failed = false;
  try {
    const prepared = keep ? (preparedOn.get(client) ?? new Set<string>()) : new Set<string>();
    if (keep) preparedOn.set(client, prepared);
    const named = statements.map((statement) => ({ ...statement, name: statementName(statement.sql) }));
    const parts = named.map(({ name, sql, values }) => `${prepared.has(name) ? '' : `PREPARE ${name} AS ${sql}; `}EXECUTE ${name}(${values.map(literal).join(', ')});`);
    // The binding is a prepared statement too: as a plain select, PostgreSQL parsed and planned it
    // (with gw_bind_unit's body) on every read, 0.06 ms of its CPU a request.
    const bind = `${prepared.has(BIND) ? '' : `PREPARE ${BIND}(text, int, int[]) AS select gw_bind_unit($1, $2, $3); `}EXECUTE ${BIND}('${binding.level}', ${binding.unitId}, '${binding.path}');`;
    const results = await client.query(`${keep ? '' : 'DEALLOCATE ALL; '}${bind} ${parts.join(' ')}`).catch((error: unknown) => {
      // A failed message leaves its transaction (and maybe a statement prepared) behind: the connection goes.
      failed = true;
      throw error;
    });
    named.forEach(({ name }) => prepared.add(name));
    prepared.add(BIND);
    // One result per statement: the binding, then each PREPARE (when sent) and EXECUTE.
    const list = results as unknown as { command: string; rows: { v: unknown }[] }[];
    return list.filter((result) => result.command === 'SELECT').slice(1).map((result) => result.rows[0]?.v);
  } finally {
    client.release(failed);
  }
}

const BIND = 'gw_bind';

export function statementName(sql: string): string {
  return `gw_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
}

/** A statement's argument as a quoted literal of unknown type (arrays in PostgreSQL's array syntax). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return escapeLiteral(`{${value.map((item) => `"${text(item).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
  return escapeLiteral(text(value));
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`A value of type ${typeof value} cannot be an argument of a compiled read`);
}
