import crypto from 'node:crypto';
import type { Cell, TableData } from '../generator/table';
import type { Db } from './copy';

/**
 * The case-event hash chain of a bulk load. The api's trigger (case_event_chain, digest v2)
 * chains each event as it is inserted, three statements per row on the chain head; the scale
 * loads skip triggers (replica role), which used to leave their events unchained. Instead the
 * rows are chained here as they are generated, exactly as the trigger would have (per county,
 * in id order, digest v2), copied with their chain columns, and then every link is recomputed
 * by the database's own digest function (firstBrokenLink): a difference fails the load.
 */
export const CHAIN_COLUMNS = ['chain_key', 'chain_seq', 'prev_hash', 'hash', 'tx_id', 'digest_version'] as const;
const DIGEST_VERSION = 2;

/** The transaction id the trigger would have stamped (pg_current_xact_id of the load). */
export async function currentTransactionId(client: Db): Promise<string> {
  const { rows } = await client.query<{ tx: string }>('select pg_current_xact_id()::text as tx');
  return rows[0].tx;
}

/** jsonb keys are stored shorter first, then by their UTF-8 bytes. */
function jsonbKeyOrder(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length - y.length || Buffer.compare(x, y);
}

/** What `jsonb::text` prints for a JSON value: ", " and ": " between items, keys in jsonb's order. */
export function jsonbText(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => jsonbKeyOrder(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  // jsonb keeps a number's decimal text as written (JSON.stringify's); not an exponent's.
  if (typeof value === 'number' && !/^-?\d+(\.\d+)?$/.test(String(value))) throw new Error(`no exact jsonb text for ${value}`);
  return String(value);
}

/** jsonbText of one COPY cell (null, a number, a string; booleans are not in the digest). */
function cellText(cell: Cell): string {
  return typeof cell === 'string' ? JSON.stringify(cell) : jsonbText(cell);
}

// One-shot hashing where the runtime has it (node >= 20.12): no Hash object per event.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `extract(epoch from t)::text` of an ISO instant with milliseconds: seconds and six decimals. */
export function epochText(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return `${Math.floor(ms / 1000)}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}000`;
}

/** The rows of case_event with their chain columns added (the table's columns plus CHAIN_COLUMNS). */
export function chainedEvents(events: TableData, txId: string): TableData {
  const at = (name: string): number => {
    const i = events.columns.indexOf(name);
    if (i < 0) throw new Error(`case_event has no column ${name}`);
    return i;
  };
  const c = Object.fromEntries(
    ['id', 'case_id', 'grid_id', 'city_id', 'county_id', 'township_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_role', 'actor_unit_id', 'at', 'reason', 'note', 'details', 'due_at'].map(
      (n) => [n, at(n)],
    ),
  );
  return {
    table: events.table,
    columns: [...events.columns, ...CHAIN_COLUMNS],
    count: events.count,
    *rows() {
      const heads = new Map<number, { seq: number; hash: string }>();
      for (const row of events.rows()) {
        const details = row[c.details] === null ? null : (JSON.parse(row[c.details] as string) as unknown);
        const key = (row[c.county_id] as number | null) ?? 0;
        const head = heads.get(key) ?? { seq: 0, hash: '' };
        const seq = head.seq + 1;
        // jsonbText of the array, written out: the generic walk was most of the 5M events' chaining.
        const text =
          `[${JSON.stringify(head.hash)}, ${key}, ${seq}, ${cellText(row[c.id])}, ${cellText(row[c.case_id])}, ${cellText(row[c.grid_id])}, ` +
          `${cellText(row[c.city_id])}, ${cellText(row[c.county_id])}, ${cellText(row[c.township_id])}, ${cellText(row[c.action])}, ` +
          `${cellText(row[c.from_status])}, ${cellText(row[c.to_status])}, ${cellText(row[c.actor_id])}, ${cellText(row[c.actor_role])}, ` +
          `${cellText(row[c.actor_unit_id])}, ${jsonbText(epochText(row[c.at] as string))}, ${cellText(row[c.reason])}, ${cellText(row[c.note])}, ` +
          `${jsonbText(details)}, ${DIGEST_VERSION}, ${jsonbText(epochText(row[c.due_at] as string | null))}]`;
        const hash = sha256Hex(text);
        yield [...row, key, seq, head.hash, hash, txId, DIGEST_VERSION];
        heads.set(key, { seq, hash });
      }
    },
  };
}

/** Sets each chain's head to its last event, as the trigger leaves it. */
export async function setChainHeads(client: Db): Promise<void> {
  await client.query(`insert into case_event_chain (chain_key, seq, hash)
    select distinct on (chain_key) chain_key, chain_seq, hash from case_event order by chain_key, chain_seq desc
    on conflict (chain_key) do update set seq = excluded.seq, hash = excluded.hash`);
}

/**
 * Every link recomputed in the database (the api's verifier, case.sql.ts CHECK_SQL): the first
 * problem found, or null when every chain is intact and its head is its last event. The links
 * (sequence, previous hash) are walked in chain order; each event's digest, most of the work,
 * is recomputed in a scan of its own that PostgreSQL may split over parallel workers.
 */
export async function firstBrokenLink(client: Db): Promise<string | null> {
  const { rows } = await client.query<{ problem: string | null }>(`
    with links as (
      select e.id,
             case
               when e.hash is null then 'not chained'
               when e.chain_seq <> coalesce(lag(e.chain_seq) over w, 0) + 1 then 'sequence gap'
               when e.prev_hash is distinct from coalesce(lag(e.hash) over w, '') then 'previous hash does not match'
             end as problem
      from case_event e
      window w as (partition by e.chain_key order by e.chain_seq nulls first, e.id)
    )
    select coalesce(
      (select 'event ' || id || ': ' || problem from links where problem is not null limit 1),
      (select 'chain ' || h.chain_key || ': head is not its last event' from case_event_chain h
        where not exists (select 1 from case_event e where e.chain_key = h.chain_key and e.chain_seq = h.seq and e.hash = h.hash) limit 1)
    ) as problem`);
  if (rows[0].problem) return rows[0].problem;
  return withParallelDigest(client, async () => {
    // An aggregate over every row (FILTER, not WHERE: min() with a WHERE walks the id index, LIMIT 1 too, on one core).
    const content = await client.query<{ id: string | null }>(
      `select (min(e.id) filter (where case_event_digest(e.prev_hash, e) is distinct from e.hash))::text as id from case_event e`,
    );
    return content.rows[0].id === null ? null : `event ${content.rows[0].id}: content does not match its hash`;
  });
}

/**
 * Runs `check` with the digest function marked PARALLEL SAFE (it is: sha256, jsonb_build_array
 * and extract are), and its marking restored after: declared without the mark, it kept the
 * scan of the province's 5M events on one core. The api declares it so since
 * Migration20261210090000; this serves a database migrated before that. Inside the loading
 * transaction, so no other session ever sees the change; a loader that does not own the
 * function keeps one core.
 */
async function withParallelDigest<T>(client: Db, check: () => Promise<T>): Promise<T> {
  const fn = 'case_event_digest(text, case_event)';
  const { rows } = await client.query<{ parallel: string; owned: boolean }>(
    `select proparallel as parallel, pg_has_role(proowner, 'USAGE') as owned from pg_proc where oid = $1::regprocedure`,
    [fn],
  );
  const marking = { s: 'safe', r: 'restricted', u: 'unsafe' }[rows[0]?.parallel ?? 's'];
  if (!rows[0]?.owned || marking === 'safe') return check();
  await client.query(`alter function ${fn} parallel safe`);
  // On an error the loading transaction rolls back, the marking with it.
  const result = await check();
  await client.query(`alter function ${fn} parallel ${marking}`);
  return result;
}
