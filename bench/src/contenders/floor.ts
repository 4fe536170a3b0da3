import http from 'node:http';
import { Pool } from 'pg';
import { floorSql, scopeColumns, type ScopeLevel } from './floor-sql';

/**
 * The floor: bare node:http + pg, one prepared statement per request, the caller's unit from
 * the `x-gw-unit` header ('COUNTY:7'). It connects as the owner (no row-level security): the
 * tenant predicate is in each statement, as a hand-written service would have it.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const port = Number(process.env.PORT);

type Params = (url: URL) => unknown[];
const nullable = (value: string | null): string | null => (value === null || value === '' ? null : value);
const params: Record<string, Params> = {
  case: (url) => [Number(url.searchParams.get('id'))],
  keyset: (url) => [url.searchParams.getAll('status'), nullable(url.searchParams.get('afterDue')), nullable(url.searchParams.get('afterId'))],
  offset: (url) => [url.searchParams.getAll('status'), Number(url.searchParams.get('offset') ?? 0)],
  nested: () => [],
  nested2: () => [],
  dashboard: () => [],
  recent: () => [],
};

function unitOf(req: http.IncomingMessage): { level: ScopeLevel; id: number } | null {
  const match = /^(CITY|COUNTY|TOWNSHIP):(\d+)$/.exec(String(req.headers['x-gw-unit'] ?? ''));
  return match ? { level: match[1] as ScopeLevel, id: Number(match[2]) } : null;
}

async function answer(req: http.IncomingMessage): Promise<[number, string]> {
  const url = new URL(req.url ?? '/', 'http://floor');
  const name = url.pathname.slice(1);
  if (name === 'healthz') return [200, '{"status":"ok"}'];
  const unit = unitOf(req);
  const values = params[name];
  if (!values) return [404, '{"error":"no such query"}'];
  if (!unit) return [401, '{"error":"no unit"}'];
  // The JSON travels as text: Postgres builds it, node only frames it.
  const text = `select (${floorSql(scopeColumns[unit.level])[name]})::text as json`;
  const result = await pool.query<{ json: string | null }>({ name: `${name}:${unit.level}`, text, values: [unit.id, ...values(url)] });
  return [200, `{"data":${result.rows[0]?.json ?? 'null'}}`];
}

http
  .createServer((req, res) => {
    answer(req).then(
      ([status, body]) => res.writeHead(status, { 'content-type': 'application/json' }).end(body),
      (error: Error) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message })),
    );
  })
  .listen(port, '127.0.0.1');
