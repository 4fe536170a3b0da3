import { Client } from 'pg';

/**
 * The public schema as the catalogue describes it, one line per fact, so two databases built
 * by different paths compare with a readable diff. Names and definitions only (no oids, no
 * attnum gaps left by dropped columns, no sequence positions, which rows move).
 */
const QUERIES: Record<string, string> = {
  extension: `select extname || ' ' || extversion from pg_extension where extname <> 'plpgsql'`,
  type: `select t.typname || ' ' || t.typtype::text || coalesce(' ' || (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), '')
           || coalesce(' ' || format_type(t.typbasetype, t.typtypmod), '')
      from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd') or (t.typnamespace = 'public'::regnamespace and t.typtype = 'c' and t.typrelid in (select oid from pg_class where relkind = 'c'))`,
  relation: `select c.relname || ' ' || c.relkind::text || ' ' || c.relpersistence::text || ' rls=' || c.relrowsecurity || ' forced=' || c.relforcerowsecurity
           || coalesce(' options=' || c.reloptions::text, '') || coalesce(' partition=' || pg_get_partkeydef(c.oid), '') || coalesce(' bound=' || pg_get_expr(c.relpartbound, c.oid), '')
      from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')`,
  column: `select c.relname || '.' || a.attname || ' #' || row_number() over (partition by c.oid order by a.attnum) || ' ' || format_type(a.atttypid, a.atttypmod)
           || case when a.attnotnull then ' not null' else '' end || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
           || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end || case when a.attgenerated <> '' then ' generated' else '' end
           || case when a.attcollation <> 0 and a.attcollation <> (select typcollation from pg_type where oid = a.atttypid) then ' collate ' || a.attcollation::regcollation::text else '' end
           || coalesce(' acl=' || a.attacl::text, '')
      from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped`,
  constraint: `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || case when condeferrable then ' deferrable' else '' end
      from pg_constraint where connamespace = 'public'::regnamespace`,
  index: `select pg_get_indexdef(indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace = 'public'::regnamespace`,
  function: `select p.oid::regprocedure::text || E'\\n' || pg_get_functiondef(p.oid) from pg_proc p
     where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p', 'w')
       and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
  aggregate: `select p.oid::regprocedure::text from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind = 'a'
       and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
  trigger: `select pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where c.relnamespace = 'public'::regnamespace and not t.tgisinternal`,
  rule: `select rulename || ' ' || definition from pg_rules where schemaname = 'public'`,
  view: `select c.relname || E'\\n' || pg_get_viewdef(c.oid) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm')`,
  policy: `select tablename || '.' || policyname || ' ' || permissive || ' ' || roles::text || ' ' || cmd || coalesce(' using ' || qual, '') || coalesce(' check ' || with_check, '')
      from pg_policies where schemaname = 'public'`,
  'grant on schema': `select n.nspname || ' ' || coalesce(a.grantee::regrole::text, 'public') || ' ' || a.privilege_type || ' ' || a.is_grantable
      from pg_namespace n cross join lateral aclexplode(n.nspacl) a where n.nspname = 'public'`,
  'grant on relation': `select c.relname || ' ' || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end || ' ' || a.privilege_type || ' ' || a.is_grantable
      from pg_class c cross join lateral aclexplode(c.relacl) a where c.relnamespace = 'public'::regnamespace and a.grantee <> c.relowner`,
  'grant on function': `select p.oid::regprocedure::text || ' ' || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end || ' ' || a.privilege_type
      from pg_proc p cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
     where p.pronamespace = 'public'::regnamespace and a.grantee <> p.proowner and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
  'grant on type': `select t.typname || ' ' || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end || ' ' || a.privilege_type
      from pg_type t cross join lateral aclexplode(t.typacl) a where t.typnamespace = 'public'::regnamespace and a.grantee <> t.typowner`,
  'default privilege': `select coalesce(n.nspname, '*') || ' ' || d.defaclobjtype::text || ' ' || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end || ' ' || a.privilege_type
      from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace cross join lateral aclexplode(d.defaclacl) a where a.grantee <> d.defaclrole`,
  sequence: `select s.sequencename || ' ' || s.data_type || ' start=' || s.start_value || ' min=' || s.min_value || ' max=' || s.max_value || ' by=' || s.increment_by
           || ' cache=' || s.cache_size || ' cycle=' || s.cycle
           || coalesce(' owned by ' || (select t.relname || '.' || a.attname from pg_depend d join pg_class t on t.oid = d.refobjid
               join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
               where d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')), '')
      from pg_sequences s where s.schemaname = 'public'`,
  comment: `select d.classoid::regclass::text || ' ' || coalesce(c.relname, p.proname, t.typname, '?') || coalesce('.' || d.objsubid, '') || ' ' || d.description
      from pg_description d left join pg_class c on d.classoid = 'pg_class'::regclass and c.oid = d.objoid
      left join pg_proc p on d.classoid = 'pg_proc'::regclass and p.oid = d.objoid left join pg_type t on d.classoid = 'pg_type'::regclass and t.oid = d.objoid
     where coalesce(c.relnamespace, p.pronamespace, t.typnamespace) = 'public'::regnamespace`,
  'role membership': `select r.rolname || ' > ' || m.rolname from pg_auth_members a join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member where r.rolname like 'gridwatch%' or m.rolname like 'gridwatch%'`,
};

/** Sorted "kind: fact" lines describing the public schema (the migration log's table left out). */
export async function schemaCatalog(url: string): Promise<string[]> {
  const client = new Client(url);
  await client.connect();
  try {
    const lines: string[] = [];
    for (const [kind, sql] of Object.entries(QUERIES)) {
      const { rows } = await client.query<Record<string, string>>(sql).catch((error: Error) => Promise.reject(new Error(`catalogue query ${kind}: ${error.message}`)));
      for (const row of rows) {
        const fact = Object.values(row)[0];
        if (!/mikro_orm_migrations/.test(fact)) lines.push(`${kind}: ${fact}`);
      }
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** The facts only one side has, marked - (left) and + (right): empty when the schemas match. */
export function catalogDiff(left: string[], right: string[]): string[] {
  const r = new Set(right);
  const l = new Set(left);
  return [...left.filter((x) => !r.has(x)).map((x) => `- ${x}`), ...right.filter((x) => !l.has(x)).map((x) => `+ ${x}`)];
}

/** Fails with the facts only one side has (a readable diff rather than two 3,000-line arrays). */
export function expectSameSchema(actual: string[], expected: string[]): void {
  const diff = catalogDiff(actual, expected);
  if (diff.length) throw new Error(`the schemas differ (- upgraded, + from the baseline):\n${diff.slice(0, 60).join('\n')}${diff.length > 60 ? `\n… ${diff.length - 60} more` : ''}`);
}

/** Rows as a database of the first migration could hold them: two units, a department, an account, a category. */
export const OLDEST_SCHEMA_ROWS = `
  insert into grid (id, city_id, code, name, level, kind) values (1, 1, '340100', '合肥市', 'CITY', 'ADMINISTRATIVE');
  insert into grid (id, city_id, county_id, code, name, level, kind, parent_id) values (2, 1, 2, '340102', '瑶海区', 'COUNTY', 'ADMINISTRATIVE', 1);
  insert into department (id, city_id, unit_id, name, field) values (1, 1, 1, '合肥市生态环境局', 'ENVIRONMENT');
  insert into case_category (id, code, name, default_field) values (1, 'DUST', '扬尘', 'ENVIRONMENT');
  insert into account (id, city_id, login, password_hash, display_name, unit_id, role, department_id) values (1, 1, 'old-admin', 'x', '老管理员', 1, 'CITY_ADMIN', 1);
  select setval('grid_id_seq', 2); select setval('account_id_seq', 1);`;
