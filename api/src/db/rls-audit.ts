import { LEVEL_ROLES, SCOPE_LEVELS, TENANT_ROLES, scopeRole } from './rls-sql';
import { SHARED_TABLES, TENANT_TABLES, type TenantScope } from './tenant-tables';

/** Columns that tie a row to a unit, a person or a case: a table holding one is a tenant table. */
export const TENANT_COLUMNS = ['city_id', 'county_id', 'township_id', 'unit_id', 'grid_id', 'case_id', 'account_id', 'department_id'];

/** What the catalogue says of a table in the public schema. */
export interface CatalogueTable {
  table: string;
  rls: boolean;
  forced: boolean;
  columns: string[];
  policies: { roles: string[]; qual: string }[];
  /** The partitioned table at the root of its tree, for a partition (null otherwise). */
  partitionOf: string | null;
  /** The tenant roles holding any privilege on the table itself. */
  readers: string[];
}

/** Reads the catalogue (pg_class, pg_attribute, pg_policy) through the caller's query function. */
export async function readCatalogue(query: <T>(sql: string) => Promise<T[]>): Promise<CatalogueTable[]> {
  return query<CatalogueTable>(
    `select c.relname as "table", c.relrowsecurity as rls, c.relforcerowsecurity as forced,
       coalesce((select array_agg(a.attname::text order by a.attnum) from pg_attribute a
                 where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '{}') as columns,
       coalesce((select json_agg(json_build_object(
                   'roles', (select array_agg(case r when 0 then 'public' else r::regrole::text end) from unnest(p.polroles) r),
                   'qual', coalesce(pg_get_expr(p.polqual, p.polrelid), '')))
                 from pg_policy p where p.polrelid = c.oid), '[]') as policies,
       case when c.relispartition then (select r.relname::text from pg_class r where r.oid = pg_partition_root(c.oid)) end as "partitionOf",
       array(select r from unnest(array['${TENANT_ROLES.join("', '")}']) r
             where has_table_privilege(r, c.oid, 'select, insert, update, delete, truncate, references, trigger')) as readers
     from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     order by c.relname`,
  );
}

function scopeGaps(t: CatalogueTable, scope: TenantScope): string[] {
  const forRole = (role: string) => t.policies.filter((p) => p.roles.includes(role));
  const gaps: string[] = [];
  if (scope.by === 'levels') {
    SCOPE_LEVELS.forEach((level, i) => {
      const column = i === SCOPE_LEVELS.length - 1 ? scope.anchor : ['city_id', 'county_id', 'township_id'][i];
      const equality = new RegExp(`\\b${column} = gw_unit_id\\('${level}'`);
      if (!forRole(scopeRole(level)).some((p) => equality.test(p.qual))) gaps.push(`${t.table}: no ${level} policy on ${column}`);
    });
  }
  if (scope.by === 'parent') {
    for (const parent of scope.parents) {
      const through = new RegExp(`FROM "?${parent}"? `);
      for (const role of TENANT_ROLES) if (!forRole(role).some((p) => through.test(p.qual))) gaps.push(`${t.table}: ${role} does not read it through ${parent}`);
    }
  }
  // The login role alone reads nothing of a levels table (deny by default): its level roles must.
  for (const role of scope.by === 'levels' ? LEVEL_ROLES : TENANT_ROLES) if (!forRole(role).length) gaps.push(`${t.table}: no policy for ${role}`);
  return gaps;
}

/**
 * A partition is covered by its root's entry, and only when it is reached through the root
 * alone: a tenant role querying it directly would skip the root's policies, so it must hold no
 * privilege on it and meet a forced row-level security with no policy (deny).
 */
function partitionGaps(t: CatalogueTable, root: string): string[] {
  if (!TENANT_TABLES[root]) return [];
  const gaps: string[] = [];
  if (t.readers.length) gaps.push(`${t.table}: a partition of ${root} that ${t.readers.join(', ')} can query directly, past ${root}'s policies`);
  if (!t.rls || !t.forced) gaps.push(`${t.table}: a partition of ${root} without forced row-level security of its own`);
  return gaps;
}

/** Every way the catalogue departs from the manifest; empty when each table is where it says. */
export function rlsGaps(catalogue: CatalogueTable[]): string[] {
  const gaps: string[] = [];
  const seen = new Set(catalogue.map((t) => t.table));
  for (const t of catalogue) {
    if (t.partitionOf) {
      gaps.push(...partitionGaps(t, t.partitionOf));
      continue;
    }
    const scope = TENANT_TABLES[t.table];
    const shared = SHARED_TABLES[t.table];
    if (scope && shared) gaps.push(`${t.table}: listed as both tenant and shared`);
    if (!scope && !shared) {
      const tenantColumns = t.columns.filter((c) => TENANT_COLUMNS.includes(c));
      gaps.push(`${t.table}: not in the manifest (db/tenant-tables.ts)${tenantColumns.length ? `, and it has tenant columns ${tenantColumns.join(', ')}` : ''}`);
    }
    if (!scope) continue;
    if (!t.rls) gaps.push(`${t.table}: row-level security is off`);
    else if (!t.forced) gaps.push(`${t.table}: row-level security is not forced (the owner would bypass it)`);
    gaps.push(...scopeGaps(t, scope));
  }
  for (const table of [...Object.keys(TENANT_TABLES), ...Object.keys(SHARED_TABLES)]) if (!seen.has(table)) gaps.push(`${table}: in the manifest but not in the database`);
  return gaps;
}
