import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { MIGRATION_TABLE } from '../../db/migration-chain';
import type { Cluster } from './pg15-cluster';

const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Roles are the cluster's, not the database's, so pg_dump leaves them out: the roles the
 * migrations created (those not there before), with their attributes and memberships, each
 * created only where missing (a second database on the same server shares them).
 */
export async function rolesSql(client: Client, before: string[]): Promise<string> {
  const { rows: roles } = await client.query<{ rolname: string; attrs: string }>(`
    select rolname, concat_ws(' ',
      case when rolcanlogin then 'login' else 'nologin' end, case when rolsuper then 'superuser' else 'nosuperuser' end,
      case when rolcreatedb then 'createdb' else 'nocreatedb' end, case when rolcreaterole then 'createrole' else 'nocreaterole' end,
      case when rolinherit then 'inherit' else 'noinherit' end, case when rolbypassrls then 'bypassrls' else 'nobypassrls' end) as attrs
      from pg_roles where rolname <> all($1::text[]) order by rolname`, [before]);
  const created = roles.map((r) => r.rolname);
  const { rows: members } = await client.query<{ role: string; member: string }>(`
    select r.rolname as role, m.rolname as member from pg_auth_members a
      join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member
     where r.rolname = any($1::text[]) or m.rolname = any($1::text[]) order by 2, 1`, [created]);
  return [
    ...roles.map((r) => `do $$ begin\n  if not exists (select from pg_roles where rolname = ${literal(r.rolname)}) then\n    create role ${ident(r.rolname)} ${r.attrs};\n  end if;\nend $$;`),
    ...members.map((m) => `grant ${ident(m.role)} to ${ident(m.member)};`),
  ].join('\n');
}

/** pg_dump's session settings, headers and psql meta-commands: the migration runs in the migrator's own session. */
function clean(dump: string): string {
  const lines = dump.split('\n');
  const firstEntry = lines.findIndex((l) => /^-- (Data for )?Name: /.test(l));
  const out = lines
    .filter((line, i) => !(i < firstEntry && (/^SET \w+ = .*;$/.test(line) || line.startsWith('SELECT pg_catalog.set_config('))))
    .filter((line) => !/^--$|^-- (Data for )?Name: .*; Type: |^-- (PostgreSQL database dump( complete)?|Dumped (from database|by pg_dump) version .*)$|^\\(un)?restrict /.test(line))
    .filter((line) => !/^COMMENT ON (EXTENSION|SCHEMA public) /.test(line) && !/^SET default_(tablespace = ''|table_access_method = heap);$/.test(line))
    // Default privileges for whoever runs the migration (as the chain granted them), not for the dump's user.
    .map((line) => line.replace(/^ALTER DEFAULT PRIVILEGES FOR ROLE \S+ /, 'ALTER DEFAULT PRIVILEGES '));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function pgDump(cluster: Cluster, url: string, args: string[]): string {
  return execFileSync(cluster.bin('pg_dump'), [...args, '--no-owner', '--dbname', url], { maxBuffer: 256 * 1024 * 1024 }).toString();
}

/** The schema (without the migration log), then the rows the migrations wrote, then every sequence's state. */
export async function dumpSchema(cluster: Cluster, url: string, client: Client): Promise<{ schema: string; data: string }> {
  const schema = clean(pgDump(cluster, url, ['--schema-only', `--exclude-table=public.${MIGRATION_TABLE}`, `--exclude-table=public.${MIGRATION_TABLE}_id_seq`]));
  const { rows: tables } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> $1 order by 1`, [MIGRATION_TABLE]);
  const filled: string[] = [];
  for (const { name } of tables) {
    const { rows: [{ n }] } = await client.query<{ n: number }>(`select count(*)::int as n from public.${ident(name)}`);
    if (n) filled.push(name);
  }
  const rows = filled.length ? clean(pgDump(cluster, url, ['--data-only', '--column-inserts', ...filled.map((t) => `--table=public.${ident(t)}`)])).split('\n').filter((l) => !l.startsWith('SELECT pg_catalog.setval(')).join('\n') : '';
  const { rows: sequences } = await client.query<{ name: string; last: string }>(`
    select sequencename as name, last_value::text as last from pg_sequences
     where schemaname = 'public' and last_value is not null and sequencename <> $1 order by 1`, [`${MIGRATION_TABLE}_id_seq`]);
  const setvals = sequences.map((s) => `SELECT pg_catalog.setval(${literal(`public.${ident(s.name)}`)}, ${s.last}, true);`);
  return { schema, data: [rows, ...setvals].filter(Boolean).join('\n') };
}
