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

type Params = (url: URL, body: Record<string, unknown>, unit: { id: number }) => unknown[];
const params: Record<string, Params> = {
  case: (url) => [Number(url.searchParams.get('id'))],
  keyset: (url) => [url.searchParams.get('status'), url.searchParams.get('afterDue') ?? '-infinity', Number(url.searchParams.get('afterId') ?? 0)],
  offset: (url) => [url.searchParams.get('status'), Number(url.searchParams.get('offset') ?? 0)],
  nested: () => [],
  dashboard: () => [],
  recent: () => [],
  file: (_url, body, unit) => [Number(body.id), Number(body.version), Number(body.actorId), unit.id],
};

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  if (req.method !== 'POST') return Promise.resolve({});
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>));
    req.on('error', reject);
  });
}

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
  const sql = floorSql(scopeColumns[unit.level])[name];
  const text = name === 'file' ? sql : `select (${sql})::text as json`;
  const result = await pool.query<{ json: string | null }>({ name: `${name}:${unit.level}`, text, values: [unit.id, ...values(url, await readBody(req), unit)] });
  // A write that matched no row (changed meanwhile, or not the caller's) is a conflict, as in the API.
  if (name === 'file' && !result.rows[0]?.json) return [409, '{"error":"conflict"}'];
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
